namespace Hotline.Silo.WebConsole;

/// <summary>The console's pages: server-rendered frames whose lists the page's own script fills from <c>/api/console</c>.</summary>
internal static class ConsolePages
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/agent", (HttpContext context) => PageLayout.Page("坐席工作台", ConsoleUser.From(context.User), AgentBody, "common.js", "agent.js", "callbacks.js"))
            .RequireAuthorization(ConsolePolicies.Agent);
        endpoints.MapGet("/wallboard", (HttpContext context) => PageLayout.Page("监控大屏", ConsoleUser.From(context.User), WallboardBody, "common.js", "wallboard.js"))
            .RequireAuthorization(ConsolePolicies.Supervisor);
        endpoints.MapGet("/liaison", (HttpContext context) =>
        {
            var user = ConsoleUser.From(context.User);
            var body = $"""
                <section class="panel wide"><h2>本部门（{PageLayout.E(user?.DepartmentId)}）工单</h2>
                <table id="liaison-tickets"><thead><tr><th>工单号</th><th>状态</th><th>分类</th><th>区</th><th>地址</th><th>诉求内容</th><th>来电号码</th><th>签收</th><th>办理</th></tr></thead><tbody></tbody></table>
                <p id="liaison-empty" class="muted" hidden>暂无派给本部门的工单。</p></section>
                """;
            return PageLayout.Page("本部门工单", user, body, "common.js", "liaison.js");
        }).RequireAuthorization(ConsolePolicies.Liaison);
    }

    private const string AgentBody = """
        <div class="agent-grid">
          <section class="panel" id="state-panel">
            <h2>坐席状态</h2>
            <p>当前：<strong id="agent-state">…</strong> <span id="agent-reason" class="muted"></span></p>
            <div class="row">
              <button type="button" id="btn-ready" accesskey="r">示闲 (Alt+R)</button>
              <input id="notready-reason" placeholder="示忙原因" maxlength="200" aria-label="示忙原因">
              <button type="button" id="btn-notready" accesskey="n">示忙 (Alt+N)</button>
            </div>
            <p id="state-error" class="error" role="alert"></p>
            <h2>当前来电</h2>
            <div id="call-panel"><p class="muted" id="call-none">暂无来电</p>
              <p id="call-info" hidden>来电号码 <strong id="call-number"></strong> <span id="call-phase" class="tag"></span></p>
              <h3>该号码的历史工单</h3><ul id="call-history" class="list"></ul>
              <h3>附近未办结工单</h3><ul id="call-nearby" class="list"></ul>
            </div>
          </section>
          <section class="panel" id="form-panel">
            <h2>工单登记</h2>
            <form id="ticket-form" autocomplete="off">
              <label>来电号码 <input name="callerPhone" id="f-phone" required maxlength="32"></label>
              <label>来电人 <input name="callerName" id="f-name" maxlength="64"></label>
              <label>诉求分类 <select name="category" id="f-category">
                <option value="Consultation">咨询</option><option value="Help">求助</option><option value="Complaint">投诉</option>
                <option value="Report">举报</option><option value="Suggestion">建议</option><option value="Praise">表扬</option></select></label>
              <label>所属区 <input name="district" id="f-district" required maxlength="64" list="district-list"></label>
              <datalist id="district-list"></datalist>
              <label>详细地址 <input name="address" id="f-address" maxlength="200"></label>
              <label>紧急程度 <select name="urgency" id="f-urgency"><option value="Normal">一般</option><option value="Utility">水电气热</option><option value="Emergency">紧急</option></select></label>
              <label class="full">诉求内容 <textarea name="content" id="f-content" required maxlength="4000" rows="5"></textarea></label>
              <div class="row full"><button type="submit" id="btn-create" accesskey="s">登记工单 (Alt+S)</button><span id="form-message" role="status"></span></div>
            </form>
            <div id="after-create" hidden>
              <p>工单 <strong id="created-id"></strong> 已登记。</p>
              <div class="row"><select id="dispatch-department" aria-label="派往部门"></select>
                <input id="dispatch-instructions" placeholder="派单说明（可选）" maxlength="1000">
                <button type="button" id="btn-dispatch" accesskey="d">派单 (Alt+D)</button></div>
              <div class="row"><input id="resolve-answer" placeholder="直接答复内容" maxlength="4000">
                <button type="button" id="btn-resolve" accesskey="j">直接办结 (Alt+J)</button></div>
              <p id="action-message" role="status"></p>
            </div>
          </section>
          <section class="panel" id="help-panel">
            <h2>知识库</h2>
            <form id="kb-form" class="row"><input id="kb-query" placeholder="输入关键词检索知识库" aria-label="知识库检索"><button type="submit" id="btn-kb" accesskey="k">检索 (Alt+K)</button></form>
            <ol id="kb-hits" class="list"></ol>
            <h2>派单建议</h2><ol id="suggestions" class="list"></ol>
            <h2>相似未办结工单</h2><ul id="similar" class="list"></ul>
          </section>
        </div>
        <section class="panel wide"><h2>我登记的工单 <button type="button" id="btn-mine">刷新</button></h2>
          <table id="my-tickets"><thead><tr><th>工单号</th><th>状态</th><th>分类</th><th>区</th><th>诉求内容</th><th>承办部门</th></tr></thead><tbody></tbody></table>
        </section>
        <section class="panel wide" id="callbacks-panel"><h2>我的回访（待回访） <span class="muted">Tab 选中一行，按 1 满意、2 基本满意、3 不满意、4 未接通</span></h2>
          <p id="callback-message" role="status"></p>
          <table id="callback-tickets"><thead><tr><th>工单号</th><th>状态</th><th>登记</th><th>来电号码</th><th>诉求内容</th><th>承办部门</th><th>已回访</th><th>回访记录</th><th>结果</th></tr></thead><tbody></tbody></table>
          <p id="callbacks-empty" class="muted" hidden>暂无待回访工单。</p>
        </section>
        <section class="panel wide"><h2>待审核</h2>
          <table id="review-tickets"><thead><tr><th>工单号</th><th>状态</th><th>分类</th><th>区</th><th>诉求内容</th><th>承办部门</th></tr></thead><tbody></tbody></table>
        </section>
        """;

    private const string WallboardBody = """
        <div class="alerts" id="alerts" role="alert"></div>
        <div class="tiles" id="tiles">
          <div class="tile"><span>今日呼入</span><strong id="t-offered">–</strong></div>
          <div class="tile"><span>接通</span><strong id="t-answered">–</strong></div>
          <div class="tile"><span>放弃</span><strong id="t-abandoned">–</strong></div>
          <div class="tile"><span>接通率</span><strong id="t-rate">–</strong></div>
          <div class="tile"><span>15秒接通率</span><strong id="t-rate15">–</strong></div>
          <div class="tile"><span>平均应答时长</span><strong id="t-asa">–</strong></div>
          <div class="tile"><span>服务水平</span><strong id="t-sl">–</strong><small id="t-sl-target"></small></div>
        </div>
        <div class="board-grid">
          <section class="panel"><h2>排队情况</h2>
            <table id="queues"><thead><tr><th>队列</th><th>排队数</th><th>最长等待</th><th>示闲</th><th>忙碌</th></tr></thead><tbody></tbody></table></section>
          <section class="panel"><h2>坐席状态 <span id="agent-counts" class="muted"></span></h2>
            <table id="agents"><thead><tr><th>坐席</th><th>状态</th><th>持续</th><th>原因</th><th>操作</th></tr></thead><tbody></tbody></table></section>
          <section class="panel"><h2>临期 / 超期工单</h2>
            <table id="late-tickets"><thead><tr><th>工单号</th><th>状态</th><th>承办部门</th><th>签收</th><th>办理</th><th>诉求内容</th></tr></thead><tbody></tbody></table></section>
        </div>
        <section class="panel wide"><h2>待值班长处理 <span id="decision-result" class="muted" role="status"></span></h2>
          <form id="decision-form" class="row" hidden autocomplete="off">
            <strong id="decision-title"></strong>
            <label id="decision-department-label">部门 <select id="decision-department"></select></label>
            <input id="decision-reason" maxlength="200" aria-label="原因或说明">
            <button type="submit" id="decision-submit">确定</button><button type="button" id="decision-cancel">取消 (Esc)</button>
            <span id="decision-message" class="error" role="alert"></span>
          </form>
          <table id="decisions"><thead><tr><th>工单号</th><th>事项</th><th>诉求内容</th><th>详情</th><th>操作</th></tr></thead><tbody></tbody></table>
          <p id="decisions-empty" class="muted">暂无待处理事项。</p>
        </section>
        <p class="muted">更新于 <span id="updated-at">–</span> <span id="live-state"></span></p>
        """;
}

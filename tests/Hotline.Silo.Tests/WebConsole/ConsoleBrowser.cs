using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// Debian's chromium, headless at 1366×768, driven through Debian's chromedriver (Selenium Manager never downloads
/// anything: both paths are given). Screenshots go to <c>{test output}/screenshots/</c>.
/// </summary>
internal sealed class ConsoleBrowser : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ConsoleBrowser(ChromeDriver driver, Uri baseUri)
    {
        Driver = driver;
        Base = baseUri;
    }

    public ChromeDriver Driver { get; }

    public Uri Base { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static ConsoleBrowser Start(Uri baseUri)
    {
        Assert.True(File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/chromedriver"),
            "chromium and chromium-driver are not installed: run tests/run.sh (installs them) or apt-get install chromium chromium-driver");
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--window-size=1366,768", "--lang=zh-CN",
            $"--user-data-dir={Directory.CreateTempSubdirectory("chromium-").FullName}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        return new ConsoleBrowser(driver, baseUri);
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(Base, path));

    /// <summary>Signs in through the form, as a new visitor (any earlier session's cookie is dropped first).</summary>
    public void SignIn(string id, string password)
    {
        Open("/");
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("/");
        Driver.FindElement(By.Id("signin-id")).Clear();
        Driver.FindElement(By.Id("signin-id")).SendKeys(id);
        Driver.FindElement(By.Id("signin-password")).SendKeys(password + Keys.Enter);
    }

    public IWebElement Find(string id) => Driver.FindElement(By.Id(id));

    /// <summary>Polls until the condition holds (not a timing assertion: the deadline only bounds a broken run).</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (probe() is { } value && (value is not bool b || b))
                {
                    return value;
                }
            }
            catch (WebDriverException)
            {
                // The element is not there yet, or was replaced while read.
            }

            if (clock.Elapsed > Patience)
            {
                Screenshot("timeout-" + what.Replace(' ', '-'));
                throw new TimeoutException($"the page never showed {what}; at {Driver.Url}: {Driver.FindElement(By.TagName("body")).Text}");
            }

            await Task.Delay(100);
        }
    }

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>Who judges a line: the message parser itself, or a typed reader used later on the header value.</summary>
internal enum LineCheck
{
    Parser,
    Address,
    AddressList,
    Digest,
    Digits,
    TokenList,
    TokenWithParameters,
    Text,
}

"""Every way a poll can fail, as a class with words a non-programmer understands.

Errors are results, not crashes: the poller turns each exception or odd page into a PollError,
and the screen and ``gongkai poll`` show its message. The class names are stable codes (stored
in poll history and printed by ``gongkai poll --json``).
"""

from __future__ import annotations

import ssl

import httpx

from tracker.i18n import tr

UNREACHABLE = "unreachable"
DNS = "dns"
TLS = "tls"
TIMEOUT = "timeout"
HTTP_4XX = "http_4xx"
HTTP_5XX = "http_5xx"
ANTI_BOT = "anti_bot"
NOT_HTML = "not_html"
TOO_LARGE = "too_large"
LAYOUT_CHANGED = "layout_changed"
REDIRECT_LOOP = "redirect_loop"
UNREADABLE = "unreadable"
"""Anything else that went wrong reading one column: that column fails, the others go on."""

ERROR_CLASSES = (
    UNREACHABLE,
    DNS,
    TLS,
    TIMEOUT,
    HTTP_4XX,
    HTTP_5XX,
    ANTI_BOT,
    NOT_HTML,
    TOO_LARGE,
    LAYOUT_CHANGED,
    REDIRECT_LOOP,
    UNREADABLE,
)
AVAILABILITY_FAILURES = frozenset({UNREACHABLE, DNS, TLS, TIMEOUT, HTTP_5XX})
"""What a visitor would also see as "the site is down" (counted by the availability rule)."""

RETRYABLE = frozenset({UNREACHABLE, TIMEOUT, HTTP_5XX})


class PollError(Exception):
    """A classified failure: ``kind`` is one of ERROR_CLASSES, ``message`` is plain words."""

    def __init__(self, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status


def label(kind: str | None) -> str:
    """A short name for an error class (screen column)."""
    return {
        UNREACHABLE: tr("无法访问", "unreachable"),
        DNS: tr("域名解析失败", "DNS failure"),
        TLS: tr("证书/加密连接错误", "TLS error"),
        TIMEOUT: tr("超时", "timeout"),
        HTTP_4XX: tr("页面不存在或拒绝访问", "HTTP 4xx"),
        HTTP_5XX: tr("网站服务器出错", "HTTP 5xx"),
        ANTI_BOT: tr("反爬虫验证", "anti-bot check"),
        NOT_HTML: tr("不是网页", "not HTML"),
        TOO_LARGE: tr("页面过大", "too large"),
        LAYOUT_CHANGED: tr("页面结构改变", "layout changed"),
        REDIRECT_LOOP: tr("重定向循环", "redirect loop"),
        UNREADABLE: tr("页面读取出错", "unreadable page"),
    }.get(kind or "", kind or "")


def unreadable(url: str, error: Exception) -> PollError:
    return PollError(
        UNREADABLE,
        tr(
            f"读取 {url} 时出错 ({type(error).__name__}: {error}); 其他栏目不受影响。"
            "请在浏览器中打开看看, 如一直出现请告诉技术人员",
            f"reading {url} failed ({type(error).__name__}: {error}); the other columns are not "
            "affected. Open it in a browser; if it keeps happening, tell someone technical",
        ),
    )


def unreachable(url: str) -> PollError:
    return PollError(
        UNREACHABLE,
        tr(
            f"无法连接到网站 ({url})。检查本机网络; 若别的网站能打开, 可能是区政府网站暂时关闭",
            f"could not connect to the site ({url}). Check this computer's network; if other "
            "sites open, the district site may be down for now",
        ),
    )


def _chain(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def classify(error: Exception, url: str) -> PollError:
    """Turn an httpx/OS exception into a PollError."""
    if isinstance(error, PollError):
        return error
    if isinstance(error, httpx.TooManyRedirects):
        return PollError(
            REDIRECT_LOOP,
            tr(
                f"网址不停地跳转 ({url})。栏目地址可能已改, 在浏览器中打开确认后更新 config.toml 的 url",
                f"the address keeps redirecting ({url}). The column may have moved: open it in "
                "a browser and update its url in config.toml",
            ),
        )
    if isinstance(error, httpx.TimeoutException | TimeoutError):
        return PollError(
            TIMEOUT,
            tr(
                f"网站响应太慢, 超时 ({url})。偶尔一次不要紧, 连续出现说明网站访问有问题",
                f"the site answered too slowly and timed out ({url}). Once is nothing; "
                "again and again means the site has trouble",
            ),
        )
    text = " ".join(str(e) for e in _chain(error)).lower()
    if (
        any(isinstance(e, ssl.SSLError) for e in _chain(error))
        or "ssl" in text
        or "certificate" in text
    ):
        return PollError(
            TLS,
            tr(
                f"网站的安全证书或加密连接有问题 ({url})。在浏览器中打开看是否提示“不安全”",
                f"the site's certificate or encrypted connection failed ({url}). Open it in a "
                "browser and see whether it warns that the site is not secure",
            ),
        )
    if any(
        word in text
        for word in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "name resolution",
            "no address associated",
            "errno -2",
            "errno -3",
            "errno 11001",
        )
    ):
        return PollError(
            DNS,
            tr(
                f"找不到这个网站的地址 (域名解析失败: {url})。检查网址拼写和本机网络",
                f"the site's name could not be resolved ({url}). Check the address and this "
                "computer's network",
            ),
        )
    if isinstance(error, httpx.HTTPError | OSError):
        return unreachable(url)
    return PollError(UNREACHABLE, tr(f"读取失败: {error}", f"fetching failed: {error}"))


def http_status(status: int, url: str, body_text: str = "") -> PollError:
    """A non-2xx answer (304 is handled before this)."""
    if status in (412, 521) or (status in (403, 503) and _looks_like_challenge(body_text)):
        return anti_bot(url, status)
    if 400 <= status < 500:
        return PollError(
            HTTP_4XX,
            tr(
                f"网站答复 {status}: 页面不存在或不允许访问 ({url})。栏目地址可能已改, 在浏览器中打开确认",
                f"the site answered {status}: no such page or access refused ({url}). The "
                "column may have moved: check it in a browser",
            ),
            status,
        )
    return PollError(
        HTTP_5XX,
        tr(
            f"网站服务器出错 (HTTP {status}, {url})。通常是网站自身的问题, 稍后会再试",
            f"the site's server failed (HTTP {status}, {url}). Usually the site's own trouble; "
            "gongkai will try again later",
        ),
        status,
    )


def _looks_like_challenge(text: str) -> bool:
    lowered = text[:20000].lower()
    return "<script" in lowered and len(lowered) < 20000


def anti_bot(url: str, status: int | None = None) -> PollError:
    return PollError(
        ANTI_BOT,
        tr(
            f"网站返回了反爬虫验证页面, 没有给出栏目列表 ({url})。请在浏览器中打开检查; "
            "浏览器能正常显示就说明网站拦截了自动查看",
            f"the site answered with an anti-bot challenge instead of the list ({url}). Open "
            "it in a browser: if it shows normally there, the site is blocking automatic checks",
        ),
        status,
    )


def not_html(url: str, content_type: str) -> PollError:
    return PollError(
        NOT_HTML,
        tr(
            f"这个地址不是网页 (类型 {content_type}, {url})。url 应指向栏目列表页",
            f"this address is not a web page ({content_type}, {url}). The url must be the "
            "column's list page",
        ),
    )


def too_large(url: str, limit: int) -> PollError:
    return PollError(
        TOO_LARGE,
        tr(
            f"页面超过 {limit // 1000} KB, 已停止读取 ({url})。可在 config.toml 的 [poll] max_bytes 调大",
            f"the page is larger than {limit // 1000} KB; reading stopped ({url}). Raise "
            "[poll] max_bytes in config.toml if it is right",
        ),
    )


def layout_changed(url: str, before: int) -> PollError:
    return PollError(
        LAYOUT_CHANGED,
        tr(
            f"页面上找不到条目了 (上次有 {before} 条, {url})。网站可能改版: 在浏览器中打开, "
            "必要时在 config.toml 为该栏目设置 item/title/date 选择器",
            f"no items found where there were {before} ({url}). The page layout may have "
            "changed: open it in a browser and, if needed, set item/title/date selectors for "
            "this source in config.toml",
        ),
    )

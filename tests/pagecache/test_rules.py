"""The page-cache rules as plain functions."""

from congtt.pagecache import rules


def test_query_string_is_sorted_so_parameter_order_shares_an_entry():
    a = rules.query_string([("b", ["2"]), ("a", ["1", "0"])])
    b = rules.query_string([("a", ["0", "1"]), ("b", ["2"])])
    assert a == b == "a=0&a=1&b=2"


def test_key_separates_site_language_path_and_query():
    base = rules.cache_key(1, "vi", "/tin-tuc/", "")
    assert base != rules.cache_key(2, "vi", "/tin-tuc/", "")
    assert base != rules.cache_key(1, "en", "/tin-tuc/", "")
    assert base != rules.cache_key(1, "vi", "/tin-tuc/", "page=2")
    assert base == rules.cache_key(1, "vi", "/tin-tuc/", "")


def test_excluded_paths_match_with_and_without_language_prefix():
    prefixes = ("/quan-tri/", "/tim-kiem/")
    assert rules.is_excluded_path("/tim-kiem/", prefixes, ["vi", "en", "zh"])
    assert rules.is_excluded_path("/en/tim-kiem/", prefixes, ["vi", "en", "zh"])
    assert rules.is_excluded_path("/quan-tri/pages/3/edit/preview/", prefixes, ["vi", "en"])
    assert not rules.is_excluded_path("/tin-tuc/", prefixes, ["vi", "en", "zh"])


def test_state_cookies_and_credentials_bypass_the_cache():
    assert rules.request_has_state({"sessionid": "x"}, "sessionid", {})
    assert rules.request_has_state({"messages": "x"}, "sessionid", {})
    assert rules.request_has_state({}, "sessionid", {"Authorization": "Basic eA=="})
    assert not rules.request_has_state({"csrftoken": "x"}, "sessionid", {})


def test_response_refusals():
    html = "text/html; charset=utf-8"
    assert rules.response_refusal(200, html, {}, False, False) == ""
    assert rules.response_refusal(404, html, {}, False, False) == "status"
    assert rules.response_refusal(302, html, {}, False, False) == "status"
    assert rules.response_refusal(200, "application/json", {}, False, False) == "content-type"
    assert rules.response_refusal(200, html, {}, True, False) == "set-cookie"
    assert rules.response_refusal(200, html, {}, False, True) == "streaming"
    never = {"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private"}
    assert rules.response_refusal(200, html, never, False, False) == "cache-control"
    assert rules.response_refusal(200, html, {"Vary": "*"}, False, False) == "vary"


def test_language_and_cookie_do_not_split_variants_but_other_vary_headers_do():
    vary = rules.vary_headers("Accept-Language, Cookie, Accept-Encoding")
    assert rules.varying_request_values(vary, {"Accept-Encoding": "gzip", "Accept-Language": "en"}) == {
        "accept-encoding": "gzip"
    }

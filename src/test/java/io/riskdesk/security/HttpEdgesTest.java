package io.riskdesk.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.web.RawHttp;
import io.riskdesk.web.RawHttp.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What the real server adds around the pages and the API: HEAD, the session cookie, headers. */
@RiskdeskTest
class HttpEdgesTest {

	@LocalServerPort
	int port;

	@Test
	void headIsAllowedWhereverGetIsAndAnswersWithoutABody() throws Exception {
		RawHttp http = new RawHttp(port);
		for (String target : new String[] { "/api/risks?size=1", "/api/playbook", "/api/accounts", "/api/people" }) {
			Answer get = http.send("GET", target, Map.of("Authorization", RawHttp.basic("jordan")));
			Answer head = http.send("HEAD", target, Map.of("Authorization", RawHttp.basic("jordan")));
			assertThat(get.status()).as(target).isEqualTo(200);
			assertThat(head.status()).as(target).isEqualTo(200);
			assertThat(head.header("Content-Type")).as(target).isEqualTo(get.header("Content-Type"));
			assertThat(head.body()).as(target).isEmpty();
		}
		assertThat(http.send("HEAD", "/api/risks", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void theSessionCookieIsSameSiteLaxAfterSignIn() throws Exception {
		RawHttp http = new RawHttp(port);
		Answer form = http.send("GET", "/login", Map.of());
		String session = form.header("Set-Cookie").split(";")[0];
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();

		Answer signedIn = http.send("POST", "/login", Map.of("Cookie", session, "Content-Type",
				"application/x-www-form-urlencoded"), "username=alex&password=demo&_csrf="
						+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		assertThat(signedIn.header("Set-Cookie")).startsWith("SESSION=").contains("SameSite=Lax").contains("HttpOnly");
	}

	@Test
	void everyAnswerSaysReferrerPolicySameOrigin() throws Exception {
		RawHttp http = new RawHttp(port);
		assertThat(http.send("GET", "/login", Map.of()).header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(http.send("GET", "/api/playbook", Map.of("Authorization", RawHttp.basic("alex"))).header("Referrer-Policy"))
			.isEqualTo("same-origin");
		assertThat(http.send("GET", "/api/playbook", Map.of()).header("Referrer-Policy")).isEqualTo("same-origin");
	}

}

package io.riskdesk.web;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.web.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors answered outside the controllers, by Tomcat itself, Spring Security's firewall or the
 * error endpoint, tried against the real server: problem details for the API, pages for people.
 */
@RiskdeskTest
class ErrorResponsesTest {

	@LocalServerPort
	int port;

	private static final Map<String, String> ALEX_JSON = Map.of("Authorization", RawHttp.basic("alex"), "Accept",
			"application/json");

	@ParameterizedTest
	@ValueSource(strings = { "/api/risks/a%2Fb", "/api/risks/a%00b", "/api/risks/%zz", "/api/risks/a%5Cb" })
	void pathsTomcatRefusesGetAProblemDetail(String target) throws Exception {
		assertBadRequestProblem(new RawHttp(port).send("GET", target, ALEX_JSON));
	}

	@Test
	void aTwentyThousandCharacterSegmentGetsAProblemDetail() throws Exception {
		Answer answer = new RawHttp(port).send("GET", "/api/risks/" + "a".repeat(20_000), ALEX_JSON);
		assertThat(answer.status()).isBetween(400, 499);
		assertProblem(answer, answer.status());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/risks/a;b", "/api/risks//RISK-2026-0001", "/api/risks/../playbook" })
	void pathsTheFirewallRefusesGetAProblemDetail(String target) throws Exception {
		Answer answer = new RawHttp(port).send("GET", target, Map.of("Authorization", RawHttp.basic("alex")));
		assertBadRequestProblem(answer);
		assertThat(JsonPath.<String>read(answer.body(), "$.detail")).contains("rejected");
	}

	@Test
	void aPageRefusedByTomcatOrTheFirewallStaysHtml() throws Exception {
		for (String target : new String[] { "/risks/a%2Fb", "/risks/a;b" }) {
			Answer answer = new RawHttp(port).send("GET", target, Map.of("Accept", "text/html"));
			assertThat(answer.status()).as(target).isEqualTo(400);
			assertThat(answer.header("Content-Type")).as(target).startsWith("text/html");
		}
	}

	@Test
	void errorAskedForDirectlyIsNotFoundNever500() throws Exception {
		RawHttp http = new RawHttp(port);
		Answer json = http.send("GET", "/error", Map.of("Accept", "application/json"));
		assertProblem(json, 404);
		Answer page = http.send("GET", "/error", Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("404 Not Found");
		assertThat(http.send("HEAD", "/error", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void anUnknownApiPathIsAProblemDetail() throws Exception {
		Answer answer = new RawHttp(port).send("GET", "/api/no-such-thing", Map.of("Authorization", RawHttp.basic("alex")));
		assertProblem(answer, 404);
		assertThat(JsonPath.<String>read(answer.body(), "$.instance")).isEqualTo("/api/no-such-thing");
	}

	private static void assertBadRequestProblem(Answer answer) {
		assertProblem(answer, 400);
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(answer.body(), "$.type")).isEqualTo("about:blank");
		assertThat(JsonPath.<String>read(answer.body(), "$.title")).isNotBlank();
		assertThat(JsonPath.<Integer>read(answer.body(), "$.status")).isEqualTo(status);
		assertThat(JsonPath.<String>read(answer.body(), "$.detail")).isNotBlank();
	}

}

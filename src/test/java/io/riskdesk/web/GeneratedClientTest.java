package io.riskdesk.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.client.api.AccountsApi;
import io.riskdesk.client.api.CorrectiveActionPlanApi;
import io.riskdesk.client.api.PeopleApi;
import io.riskdesk.client.api.RiskRegisterApi;
import io.riskdesk.client.model.AccountForm;
import io.riskdesk.client.model.LoggedRisk;
import io.riskdesk.client.model.Milestone;
import io.riskdesk.client.model.Money;
import io.riskdesk.client.model.NewMilestone;
import io.riskdesk.client.model.NewRisk;
import io.riskdesk.client.model.PersonForm;
import io.riskdesk.client.model.Prevention;
import io.riskdesk.client.model.ProblemDetail;
import io.riskdesk.client.model.RiskDetails;
import io.riskdesk.client.model.RiskUpdate;
import io.riskdesk.client.model.TimelineEntry;
import io.riskdesk.client.model.TransitionRequest;
import io.riskdesk.client.model.TriageStepRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client generated at build time from the published contract (docs/api/openapi.json,
 * kept equal to the served document by {@link ApiContractTest}) drives the main flow over HTTP
 * as a client team would: Spring HTTP interfaces on a RestClient, HTTP Basic.
 */
@RiskdeskTest
class GeneratedClientTest {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	PeopleApi people;

	AccountsApi accounts;

	RiskRegisterApi risks;

	CorrectiveActionPlanApi plans;

	@BeforeEach
	void connect() {
		HttpServiceProxyFactory factory = factory("alex", "demo");
		people = factory.createClient(PeopleApi.class);
		accounts = factory.createClient(AccountsApi.class);
		risks = factory.createClient(RiskRegisterApi.class);
		plans = factory.createClient(CorrectiveActionPlanApi.class);
	}

	@Test
	void walksARiskFromLoggedToClosed() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(clock);
		Long owner = people.createPerson(new PersonForm().name("Client Owner").email("client.owner." + unique + "@test.example"))
			.getBody()
			.getId();
		Long account = accounts
			.createAccount(new AccountForm().name("Generated Client Co " + unique)
				.segment(AccountForm.SegmentEnum.ENTERPRISE)
				.country("CH")
				.timeZone("Europe/Zurich")
				.arr(new Money().amount(new BigDecimal("640000")).currency("CHF")))
			.getBody()
			.getId();

		LoggedRisk logged = risks.createRisk(new NewRisk().accountId(account).title("Webhook retries pile up").category(NewRisk.CategoryEnum.SUPPORT)
			.evidence(List.of("4 Sev-2 tickets this week"))).getBody();
		String key = logged.getKey();
		assertThat(logged.getStatus()).isEqualTo(LoggedRisk.StatusEnum.OPEN);

		// A partial update changes what it names and leaves the rest, as PATCH promises.
		RiskDetails described = risks.updateRisk(key, new RiskUpdate().description("Retry storms after each deploy"),
				risks.getRisk(key).getHeaders().getETag()).getBody();
		assertThat(described.getDescription()).isEqualTo("Retry storms after each deploy");
		assertThat(described.getEvidence()).containsExactly("4 Sev-2 tickets this week");

		RiskDetails triaged = risks.transition(key, new TransitionRequest().to(TransitionRequest.ToEnum.TRIAGED)
			.severity(TransitionRequest.SeverityEnum.S1)
			.ownerId(owner), null).getBody();
		assertThat(triaged.getStatus()).isEqualTo(RiskDetails.StatusEnum.TRIAGED);
		assertThat(triaged.getOwner().getId()).isEqualTo(owner);

		Milestone fix = plans.add(key, new NewMilestone().title("Ship the retry back-off fix").ownerId(owner)
			.due(today.plusDays(7))
			.successCriterion("No retry storms for 72 h")).getBody();
		plans.done(key, fix.getId());
		risks.triageStep(key, new TriageStepRequest().step(TriageStepRequest.StepEnum.NOTIFY_STAKEHOLDERS)
			.note("Sponsor and AE by e-mail"), null);
		ResponseEntity<RiskDetails> withCadence = risks.triageStep(key,
				new TriageStepRequest().step(TriageStepRequest.StepEnum.SET_CADENCE), null);
		assertThat(withCadence.getBody().getMissingTriageSteps()).isEmpty();

		// Every write honours If-Match: the ETag of the last answer moves it on.
		RiskDetails active = risks.transition(key, new TransitionRequest().to(TransitionRequest.ToEnum.ACTIVE),
				withCadence.getHeaders().getETag()).getBody();
		assertThat(active.getStatus()).isEqualTo(RiskDetails.StatusEnum.ACTIVE);

		RiskDetails resolved = risks.transition(key, new TransitionRequest().to(TransitionRequest.ToEnum.RESOLVED)
			.rootCause("Retries had no back-off")
			.preventionItems(List.of(new Prevention().text("Back-off on every retry path").owner("Client Owner").due(today.plusDays(30)))),
				null).getBody();
		assertThat(resolved.getStatus()).isEqualTo(RiskDetails.StatusEnum.RESOLVED);
		assertThat(resolved.getRootCause()).isEqualTo("Retries had no back-off");

		RiskDetails closed = risks.transition(key, new TransitionRequest().to(TransitionRequest.ToEnum.CLOSED)
			.outcome(TransitionRequest.OutcomeEnum.RETAINED)
			.summary("Fix shipped, renewal signed"), null).getBody();
		assertThat(closed.getStatus()).isEqualTo(RiskDetails.StatusEnum.CLOSED);
		assertThat(closed.getOutcome()).isEqualTo(RiskDetails.OutcomeEnum.RETAINED);
		assertThat(closed.getAllowedTransitions()).isEmpty();

		RiskDetails read = risks.getRisk(key).getBody();
		assertThat(read.getArrAtRisk().getAmount()).isEqualByComparingTo("640000");
		assertThat(read.getArrAtRisk().getCurrency()).isEqualTo("CHF");
		assertThat(risks.timeline(key).getBody()).extracting(TimelineEntry::getSummary)
			.contains("OPEN -> TRIAGED", "TRIAGED -> ACTIVE");
	}

	@Test
	void readsRefusalsAsProblemDetails() {
		HttpClientErrorException.BadRequest invalid = catchThrowableOfType(HttpClientErrorException.BadRequest.class,
				() -> risks.createRisk(new NewRisk().accountId(-1L).title(" ").category(NewRisk.CategoryEnum.SUPPORT)));
		ProblemDetail problem = invalid.getResponseBodyAs(ProblemDetail.class);
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getErrors()).extracting(error -> error.getField()).contains("title");

		String key = risks.listRisk(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, 0, 1, null).getBody().getContent().get(0).getKey();
		HttpClientErrorException.Conflict stale = catchThrowableOfType(HttpClientErrorException.Conflict.class,
				() -> risks.updateRisk(key, new RiskUpdate().description("Edited from a stale copy"), "\"-1\""));
		assertThat(stale.getResponseBodyAs(ProblemDetail.class).getStatus()).isEqualTo(409);

		HttpClientErrorException.Unauthorized refused = catchThrowableOfType(HttpClientErrorException.Unauthorized.class,
				() -> factory("alex", "wrong").createClient(RiskRegisterApi.class).getRisk(key));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getResponseBodyAs(ProblemDetail.class).getStatus()).isEqualTo(401);
	}

	private HttpServiceProxyFactory factory(String user, String password) {
		RestClient rest = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(headers -> headers.setBasicAuth(user, password))
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build();
	}

}

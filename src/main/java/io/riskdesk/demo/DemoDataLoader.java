package io.riskdesk.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonForm;
import io.riskdesk.account.PersonView;
import io.riskdesk.core.ClusterLock;
import io.riskdesk.demo.portfolio.DemoTelemetry;
import io.riskdesk.demo.portfolio.PortfolioFile;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.NewMilestone;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.OpenWork;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskEvents;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TransitionRequest;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import io.riskdesk.security.UserAccounts;
import io.riskdesk.signal.TelemetryFormat;
import io.riskdesk.signal.TelemetryIntake;
import io.riskdesk.signal.TelemetryKind;
import io.riskdesk.signal.TelemetryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the demo portfolio: the four seed escalations and a synthetic
 * book of accounts, walked through the real workflow so every risk has an honest timeline, then
 * the telemetry of some accounts through the telemetry intake, whose detection passes add the
 * risks signals find. Runs once (an existing account means "already loaded"), on one node of
 * several starting together; demo users are ensured every start.
 */
@Component
@Conditional(DemoMode.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoDataLoader implements ApplicationRunner {

	static final String DEMO_PASSWORD = "demo";

	private static final String ACTOR = "demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private static final List<String> PORTFOLIO_FILES = List.of("demo/seed-escalations.yml", "demo/portfolio.yml");

	private final ObjectMapper yaml = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final PersonDirectory people;

	private final Accounts accounts;

	private final RiskRegister risks;

	private final CorrectiveActionPlans plans;

	private final UserAccounts users;

	private final TelemetryIntake telemetry;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final JdbcClient jdbc;

	DemoDataLoader(PersonDirectory people, Accounts accounts, RiskRegister risks, CorrectiveActionPlans plans,
			UserAccounts users, TelemetryIntake telemetry, PlatformTransactionManager transactions, Clock clock,
			JdbcClient jdbc) {
		this.people = people;
		this.accounts = accounts;
		this.risks = risks;
		this.plans = plans;
		this.users = users;
		this.telemetry = telemetry;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		long startedAt = System.nanoTime();
		List<DemoTelemetry.Request> requests = transaction.execute(status -> loadBook());
		if (!requests.isEmpty()) {
			loadTelemetry(requests);
			// bench/run-startup.sh reads this line.
			log.info("Demo mode: demo data loaded in {} ms", (System.nanoTime() - startedAt) / 1_000_000);
		}
	}

	/** People, users and, into an empty database, the accounts and their risks; returns the telemetry they ask for. */
	private List<DemoTelemetry.Request> loadBook() {
		// Nodes starting together on an empty database take turns: the second finds the book loaded.
		ClusterLock.holdUntilCommit(jdbc, "demo-data");
		DemoData.Directory directory = read("demo/people.yml", DemoData.Directory.class);
		for (DemoData.PersonEntry person : directory.people()) {
			if (people.findByEmail(person.email()).isEmpty()) {
				people.create(new PersonForm(person.name(), person.email(), person.slack()));
			}
		}
		users.createIfAbsent(directory.users()
			.stream()
			.map(user -> new UserAccounts.NewUser(user.username(), user.name(), user.role(), user.person()))
			.toList(), DEMO_PASSWORD);
		if (!accounts.list(Pageable.ofSize(1)).isEmpty()) {
			return List.of();
		}
		List<DemoData.AccountEntry> entries = PORTFOLIO_FILES.stream()
			.flatMap(file -> read(file, DemoData.Portfolio.class).accounts().stream())
			.toList();
		DemoDates dates = DemoDates.relativeTo(today(),
				entries.stream().flatMap(entry -> orEmpty(entry.risks()).stream()).map(DemoData.RiskEntry::detectedAt).toList());
		int riskCount = 0;
		List<DemoTelemetry.Request> requests = new ArrayList<>();
		for (DemoData.AccountEntry entry : entries) {
			AccountDetails account = accounts.create(accountForm(entry, dates));
			if (entry.telemetry() != null) {
				if (entry.externalId() == null || entry.arr() == null) {
					throw new IllegalStateException("Demo account '" + entry.name() + "' has telemetry but no external-id or arr");
				}
				requests.add(new DemoTelemetry.Request(entry.externalId(), entry.segment(), entry.arr().currency(),
						entry.telemetry()));
			}
			for (DemoData.RiskEntry risk : orEmpty(entry.risks())) {
				load(account, risk, dates);
				riskCount++;
			}
		}
		log.info("Demo mode: loaded {} accounts and {} risks (seed dates moved by {} days); sign in as alex / {}",
				entries.size(), riskCount, dates.days(), DEMO_PASSWORD);
		return requests;
	}

	/**
	 * Stores the generated telemetry as an upload would, file by file: each file is its own
	 * transaction, and the intake's detection pass after it opens the risks its findings call for.
	 */
	private void loadTelemetry(List<DemoTelemetry.Request> requests) {
		long startedAt = System.nanoTime();
		Set<String> opened = new LinkedHashSet<>();
		Set<String> attached = new LinkedHashSet<>();
		for (Map.Entry<PortfolioFile, String> file : DemoTelemetry.csv(today(), requests).entrySet()) {
			// The generator's telemetry files are the intake's kinds, by the same names.
			TelemetryReport report = telemetry.receive(TelemetryKind.valueOf(file.getKey().name()), TelemetryFormat.CSV,
					new ByteArrayInputStream(file.getValue().getBytes(StandardCharsets.UTF_8)));
			if (report.detection() != null) {
				opened.addAll(report.detection().opened());
				attached.addAll(report.detection().attached());
			}
		}
		attached.removeAll(opened);
		log.info("Demo mode: telemetry of {} accounts for the last {} days loaded in {} ms; signals opened risks {}"
				+ " and reported to risks {}", requests.size(), DemoTelemetry.DAYS,
				(System.nanoTime() - startedAt) / 1_000_000, opened, attached);
	}

	private AccountForm accountForm(DemoData.AccountEntry entry, DemoDates dates) {
		Map<TeamRole, Long> team = new EnumMap<>(TeamRole.class);
		if (entry.team() != null) {
			entry.team().forEach((role, email) -> team.put(role, person(email)));
		}
		LocalDate renewal = entry.renewalDate() != null ? dates.shift(entry.renewalDate())
				: entry.renewalInDays() == null ? null : today().plusDays(entry.renewalInDays());
		List<AccountForm.ContactForm> contacts = entry.contacts() == null ? List.of()
				: entry.contacts()
					.stream()
					.map(c -> new AccountForm.ContactForm(c.role(), c.name(), c.email(), c.title()))
					.toList();
		return new AccountForm(entry.name(), entry.arr(), renewal, entry.segment(), entry.country(), entry.timeZone(),
				null, team, contacts, entry.externalId(), null);
	}

	/** Logs the risk and walks it through the workflow to the status the file gives. */
	private void load(AccountDetails account, DemoData.RiskEntry entry, DemoDates dates) {
		Instant detectedAt = entry.detectedAt() != null ? dates.shift(entry.detectedAt())
				: clock.instant().minus(Duration.ofDays(entry.detectedDaysAgo() == null ? 0 : entry.detectedDaysAgo()));
		List<Long> coOwners = entry.coOwners() == null ? List.of() : entry.coOwners().stream().map(this::person).toList();
		Long owner = entry.owner() == null ? null : person(entry.owner());
		RiskSource source = entry.source() == null ? RiskSource.MANUAL : entry.source();
		String key = risks.create(new NewRisk(account.id(), entry.title(), entry.category(), entry.description(),
				entry.severity(), owner, coOwners, detectedAt, entry.evidence()), source, ACTOR).key();
		RiskStatus target = entry.status() == null ? RiskStatus.OPEN : entry.status();
		if (target == RiskStatus.OPEN) {
			return;
		}
		risks.transition(key, null, TransitionRequest.to(RiskStatus.TRIAGED), ACTOR);
		if (target.compareTo(RiskStatus.ACTIVE) >= 0) {
			if (entry.triage() == null) {
				throw new IllegalStateException("Demo risk '" + entry.title() + "' is " + target
						+ " but has no triage (cap, notified)");
			}
			risks.recordTriageStep(key, null, new TriageStepRequest(TriageStep.CREATE_CAP, entry.triage().cap(), null), ACTOR);
			risks.recordTriageStep(key, null,
					new TriageStepRequest(TriageStep.NOTIFY_STAKEHOLDERS, entry.triage().notified(), null), ACTOR);
			risks.recordTriageStep(key, null, new TriageStepRequest(TriageStep.SET_CADENCE, null, null), ACTOR);
			risks.transition(key, null, TransitionRequest.to(RiskStatus.ACTIVE), ACTOR);
		}
		for (String decision : orEmpty(entry.decisions())) {
			risks.addDecision(key, null, decision, ACTOR);
		}
		List<DemoData.BlockerEntry> blockers = orEmpty(entry.blockers());
		for (DemoData.BlockerEntry blocker : blockers) {
			RiskDetails risk = risks.raiseBlocker(key, null, blocker.description(), ACTOR);
			if (blocker.resolution() != null) {
				risks.clearBlocker(key, null, risk.blockers().size(), blocker.resolution(), ACTOR);
			}
		}
		for (DemoData.ActionItemEntry item : orEmpty(entry.actionItems())) {
			LocalDate due = item.due() != null ? dates.shift(item.due())
					: item.dueInDays() == null ? null : today().plusDays(item.dueInDays());
			plans.add(key, new NewMilestone(item.task(), item.owner(), due), ACTOR);
		}
		if (target.compareTo(RiskStatus.RESOLVED) >= 0) {
			// The demo's resolved risks keep what was still open as prevention, as a CSM would.
			List<RiskEvents.Prevention> prevention = orEmpty(entry.preventionItems()).stream()
				.map(p -> new RiskEvents.Prevention(p.text(), p.owner(), today().plusDays(p.dueInDays())))
				.toList();
			risks.transition(key, null, new TransitionRequest(RiskStatus.RESOLVED, null, null, entry.rootCause(),
					prevention, null, null, null, OpenWork.Choice.CARRY_AS_PREVENTION, null), ACTOR);
		}
		if (target == RiskStatus.CLOSED) {
			risks.transition(key, null,
					new TransitionRequest(RiskStatus.CLOSED, null, null, null, null, entry.outcome(), entry.summary(), null,
							null, null), ACTOR);
		}
	}

	private Long person(String email) {
		return people.findByEmail(email)
			.map(PersonView::id)
			.orElseThrow(() -> new IllegalStateException("Demo data names " + email + ", who is not in demo/people.yml"));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private <T> T read(String path, Class<T> type) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return yaml.readValue(in, type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read demo data " + path, ex);
		}
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

}

package io.riskdesk.risk;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.playbook.Severity;
import io.riskdesk.security.UserAccounts;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: where the money at risk is, what is open, what renews soon, and the signed-in user's risks. */
@Controller
class DashboardPage {

	private static final int LIST_SIZE = 10;

	/** Renewals listed on the dashboard, the soonest first. */
	static final int RENEWAL_ROWS = 20;

	private final DashboardQuery figures;

	private final RiskRegister risks;

	private final UserAccounts users;

	private final PersonDirectory people;

	private final ReportingMoney money;

	DashboardPage(DashboardQuery figures, RiskRegister risks, UserAccounts users, PersonDirectory people,
			ReportingMoney money) {
		this.figures = figures;
		this.money = money;
		this.risks = risks;
		this.users = users;
		this.people = people;
	}

	@GetMapping("/")
	String dashboard(Principal principal, Model model) {
		model.addAttribute("unresolved", RiskStatus.UNRESOLVED);
		model.addAttribute("arrAtRisk", figures.arrAtRisk()
			.stream()
			.collect(Collectors.groupingBy(DashboardQuery.ArrAtRisk::severity, TreeMap::new, Collectors.toList())));
		model.addAttribute("arrTotal", figures.arrAtRiskTotal());
		model.addAttribute("rates", money.foreignRates());
		model.addAttribute("byCategory", figures.unresolvedByCategory());
		model.addAttribute("byStatus", figures.byStatus());
		// The soonest renewals; a large register has a thousand in 90 days, which the register lists in full.
		List<DashboardQuery.Renewal> renewals = figures.renewalsWithUnresolvedRisks();
		model.addAttribute("renewals", renewals.subList(0, Math.min(RENEWAL_ROWS, renewals.size())));
		model.addAttribute("moreRenewals", Math.max(0, renewals.size() - RENEWAL_ROWS));
		model.addAttribute("renewalDays", DashboardQuery.RENEWAL_DAYS);
		model.addAttribute("weeks", figures.openedAndClosedPerWeek());
		// The longest-open critical and high risks: what most needs a push.
		Set<Severity> urgent = Set.of(Severity.S0, Severity.S1);
		model.addAttribute("urgentSeverities", urgent);
		model.addAttribute("urgent", risks.list(new RiskQuery(urgent, RiskStatus.UNRESOLVED, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null), PageRequest.of(0, LIST_SIZE, Sort.by("detectedAt"))));
		// SLA status of the unresolved risks, and the breached ones, the most urgent to answer.
		model.addAttribute("sla", figures.unresolvedBySlaStatus());
		model.addAttribute("breached", risks.list(new RiskQuery(null, RiskStatus.UNRESOLVED, null, null, null, null,
				Set.of(SlaStatus.BREACHED), null, null, null, null, null, null, null, null, null), PageRequest.of(0, LIST_SIZE, Sort.by("severity", "detectedAt"))));
		// Risks being worked whose progress update is overdue, the longest silent first.
		model.addAttribute("stale", risks.list(new RiskQuery(null, RiskStatus.UNRESOLVED, null, null, null, null, null,
				null, null, null, null, null, null, null, true, null), PageRequest.of(0, LIST_SIZE, Sort.by("progressDueAt"))));
		me(principal).ifPresent(person -> {
			model.addAttribute("me", person);
			model.addAttribute("myRisks", risks.list(new RiskQuery(null, RiskStatus.UNRESOLVED, null, null,
					person.id(), null, null, null, null, null, null, null, null, null, null, null), PageRequest.of(0, LIST_SIZE)));
		});
		return "risk/dashboard";
	}

	/** The person in the directory the signed-in user is, if any (an administrator usually is none). */
	private Optional<PersonView> me(Principal principal) {
		return users.find(principal.getName())
			.map(UserAccounts.User::personEmail)
			.flatMap(people::findByEmail);
	}

}

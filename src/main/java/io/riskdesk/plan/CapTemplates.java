package io.riskdesk.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.CapStep;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The playbook's CAP templates applied to risks: one milestone per step of the category's
 * template, owned by whoever fills the step's role in the account team (the risk's owner when
 * nobody does), due the step's offset after now in the account's business calendar. A preview
 * shows exactly what applying would create; applying creates all of it or nothing.
 */
@Service
@Transactional
public class CapTemplates {

	private final Playbook playbook;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final CorrectiveActionPlans plans;

	private final StepDueDates dueDates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CapTemplates(Playbook playbook, RiskRegister risks, Accounts accounts, CorrectiveActionPlans plans,
			StepDueDates dueDates, ApplicationEventPublisher events, Clock clock) {
		this.playbook = playbook;
		this.risks = risks;
		this.accounts = accounts;
		this.plans = plans;
		this.dueDates = dueDates;
		this.events = events;
		this.clock = clock;
	}

	/** The category whose template the plan panel offers for a risk: its own, when the playbook has a template for it. */
	@Transactional(readOnly = true)
	public RiskCategory offeredFor(String riskKey) {
		RiskCategory category = risks.get(riskKey).category();
		return playbook.capTemplate(category).isEmpty() ? null : category;
	}

	/**
	 * What applying the template of {@code category} (null: the risk's own category) would create now.
	 * @throws InvalidFieldException (category) when the playbook has no template for it
	 * @throws ConflictException when the risk is closed, or a role is unfilled and the risk has no owner
	 */
	@Transactional(readOnly = true)
	public TemplatePlan preview(String riskKey, RiskCategory category) {
		RiskDetails risk = risks.get(riskKey);
		if (!plans.isOpen(riskKey)) {
			throw new ConflictException("Risk " + riskKey + " is closed; its plan cannot change");
		}
		RiskCategory chosen = category == null ? risk.category() : category;
		List<CapStep> steps = playbook.capTemplate(chosen);
		if (steps.isEmpty()) {
			throw new InvalidFieldException("category", chosen + " has no CAP template in the playbook (templates: "
					+ playbook.capTemplates().keySet().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))
					+ ")");
		}
		AccountDetails account = accounts.get(risk.account().id());
		Map<TeamRole, String> team = new EnumMap<>(TeamRole.class);
		account.team().forEach(member -> team.put(member.role(), member.person().name()));
		String fallbackOwner = risk.owner() == null ? null : risk.owner().name();
		Set<TeamRole> unfilled = new LinkedHashSet<>();
		Instant start = clock.instant();
		List<PlannedMilestone> milestones = new ArrayList<>();
		for (CapStep step : steps) {
			String owner = team.get(step.owner());
			if (owner == null) {
				unfilled.add(step.owner());
			}
			milestones.add(new PlannedMilestone(step.title(), step.successCriterion(), step.owner(),
					owner != null ? owner : fallbackOwner, owner != null, dueDates.due(account.id(), start, step.offset()),
					step.offset().label()));
		}
		if (!unfilled.isEmpty() && fallbackOwner == null) {
			throw new ConflictException("Nobody fills " + unfilled + " in the team of " + account.name()
					+ " and the risk has no owner to take those milestones: triage the risk or fill the roles first",
					Map.of("unfilledRoles", List.copyOf(unfilled)));
		}
		return new TemplatePlan(riskKey, chosen, start, List.copyOf(milestones), List.copyOf(unfilled), fallbackOwner);
	}

	/** Creates the milestones {@link #preview} shows, in one transaction; the first milestones of a plan record CREATE_CAP. */
	public AppliedTemplate apply(String riskKey, RiskCategory category, String actor) {
		TemplatePlan plan = preview(riskKey, category);
		List<Milestone> added = plans.addAll(riskKey,
				plan.milestones().stream().map(PlannedMilestone::toNewMilestone).toList(),
				"Milestones from the " + plan.category() + " CAP template", actor);
		events.publishEvent(new CapTemplateApplied(riskKey, plan.category(), added.size(), plan.unfilledRoles(),
				plan.fallbackOwner(), actor, plan.start()));
		return new AppliedTemplate(riskKey, plan.category(), added, plan.unfilledRoles(), plan.fallbackOwner());
	}

}

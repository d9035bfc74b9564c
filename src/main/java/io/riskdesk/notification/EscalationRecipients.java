package io.riskdesk.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountDetails.ContactView;
import io.riskdesk.account.AccountDetails.TeamMemberView;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.NotificationRule;
import io.riskdesk.playbook.NotificationRule.MatrixAudience;
import io.riskdesk.playbook.NotificationRule.RiskPerson;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.security.Role;
import io.riskdesk.security.UserAccounts;
import io.riskdesk.web.Labels;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People named by the playbook resolved into addresses. Nothing is stored: every call resolves
 * the roles against the risk, its account team and contacts as they are, so a severity, team or
 * contact change shows at once. The page and the API show the escalation matrix of the risk's
 * severity; the outbox resolves each notification rule the same way when a trigger fires.
 */
@Service
@Transactional(readOnly = true)
public class EscalationRecipients {

	private final RiskRegister risks;

	private final Accounts accounts;

	private final PersonDirectory people;

	private final Playbook playbook;

	private static final Map<TeamRole, Role> LEADERS = Map.of(TeamRole.CS_LEADER, Role.CS_LEADER, TeamRole.EXEC,
			Role.EXEC);

	private final SlackWebhooks slack;

	private final UserAccounts users;

	EscalationRecipients(RiskRegister risks, Accounts accounts, PersonDirectory people, Playbook playbook,
			SlackWebhooks slack, UserAccounts users) {
		this.risks = risks;
		this.accounts = accounts;
		this.people = people;
		this.playbook = playbook;
		this.slack = slack;
		this.users = users;
	}

	/** Who the escalation matrix tells of this risk now; NotFoundException for an unknown risk. */
	public RecipientList of(String riskKey) {
		RiskDetails risk = risks.get(riskKey);
		if (risk.severity() == null) {
			return new RecipientList(risk.key(), null, List.of(), List.of(), List.of(new RecipientGap(null, null,
					"The risk has no severity yet: set one to know whom the escalation matrix tells.")));
		}
		Playbook.MatrixEntry matrix = playbook.matrix(risk.severity());
		return reach(risk, accounts.get(risk.account().id()), matrixOnly(matrix), Optional.empty());
	}

	/**
	 * Whom one rule of a trigger reaches for this risk, on the rule's channels; {@code milestoneOwner}
	 * is the person a MILESTONE_OWNER stands for (empty when the milestone's owner is not in the
	 * directory). The risk must have a severity when the rule names the matrix.
	 */
	RecipientList reach(RiskDetails risk, AccountDetails account, NotificationRule rule,
			Optional<PersonView> milestoneOwner) {
		Playbook.MatrixEntry matrix = risk.severity() == null ? null : playbook.matrix(risk.severity());
		List<Channel> channels = rule.channels() != null ? rule.channels() : matrix == null ? List.of() : matrix.channels();
		Resolution resolution = new Resolution(channels);
		if (matrix != null && rule.matrix().internal()) {
			Stream.concat(matrix.internal().stream(), ifApplicable(risk, matrix).stream())
				.distinct()
				.forEach(role -> resolution.internal(role, teamOrLeaders(role, account)));
		}
		for (RiskPerson person : rule.risk()) {
			switch (person) {
				case OWNER -> resolution.person(person, Optional.ofNullable(risk.owner()).map(owner -> people.get(owner.id())),
						"The risk has no owner.");
				case MILESTONE_OWNER -> resolution.person(person, milestoneOwner,
						"The milestone's owner is not in the people directory.");
			}
		}
		rule.team().forEach(role -> resolution.internal(role, teamOrLeaders(role, account)));
		if (matrix != null && rule.matrix().customer()) {
			matrix.customer().forEach(role -> resolution.customer(role, account.contacts()));
		}
		rule.customer().forEach(role -> resolution.customer(role, account.contacts()));
		if (channels.contains(Channel.SLACK) && !slack.configured()) {
			resolution.gaps.add(new RecipientGap(null, null, "Slack is not configured (riskdesk.notifications.slack."
					+ "webhooks): nobody is told on Slack."));
		}
		return new RecipientList(risk.key(), risk.severity(), channels, resolution.recipients, resolution.gaps);
	}

	/**
	 * The account team's holders of a role; for a leader's role nobody on the team holds (CS
	 * leader, executive: rarely on every account), the people of the directory whose sign-in has
	 * that role, linked by e-mail.
	 */
	private List<TeamMemberView> teamOrLeaders(TeamRole role, AccountDetails account) {
		List<TeamMemberView> holders = account.team().stream().filter(member -> member.role() == role).toList();
		Role leader = LEADERS.get(role);
		if (!holders.isEmpty() || leader == null) {
			return holders;
		}
		return users.personEmailsOf(leader)
			.stream()
			.map(people::findByEmail)
			.flatMap(Optional::stream)
			.map(person -> new TeamMemberView(role, person))
			.toList();
	}

	private static NotificationRule matrixOnly(Playbook.MatrixEntry matrix) {
		return new NotificationRule(MatrixAudience.ALL, null, null, null, matrix.channels(), null, "matrix");
	}

	/** Security/Legal "if applicable": for an incident, or when the risk is flagged so. */
	private static List<TeamRole> ifApplicable(RiskDetails risk, Playbook.MatrixEntry matrix) {
		return risk.category() == RiskCategory.INCIDENT || risk.securityLegalApplicable() ? matrix.internalIfApplicable()
				: List.of();
	}

	/** The rows and gaps of one resolution, in the order the roles are named. */
	private static final class Resolution {

		private final List<Channel> channels;

		private final List<Recipient> recipients = new ArrayList<>();

		private final List<RecipientGap> gaps = new ArrayList<>();

		Resolution(List<Channel> channels) {
			this.channels = channels;
		}

		void internal(TeamRole role, List<TeamMemberView> holders) {
			if (holders.isEmpty()) {
				gaps.add(new RecipientGap(role, Side.INTERNAL, "Nobody holds the " + Labels.of(role)
						+ " role in the account team" + (LEADERS.containsKey(role) ? ", nor signs in with it." : ".")));
			}
			holders.forEach(member -> internal(role, member.person()));
		}

		void person(RiskPerson role, Optional<PersonView> person, String missing) {
			person.ifPresentOrElse(found -> internal(role, found),
					() -> gaps.add(new RecipientGap(role, Side.INTERNAL, missing)));
		}

		private void internal(Enum<?> role, PersonView person) {
			add(role, Side.INTERNAL, person.name(), person.id(), channel -> switch (channel) {
				case EMAIL, LIVE_CALL -> person.email();
				case SLACK -> person.slackHandle();
				case INTERNAL_NOTES -> null;
			});
		}

		void customer(ContactRole role, List<ContactView> contacts) {
			List<ContactView> people = contacts.stream().filter(contact -> contact.role() == role).toList();
			if (people.isEmpty()) {
				gaps.add(new RecipientGap(role, Side.CUSTOMER,
						"The account has no " + Labels.of(role) + " contact."));
			}
			people.forEach(contact -> add(role, Side.CUSTOMER, contact.name(), null, channel -> switch (channel) {
				case EMAIL, LIVE_CALL -> contact.email();
				// Customers are not on our Slack, and internal notes are for us: neither is a gap.
				case SLACK, INTERNAL_NOTES -> null;
			}));
		}

		private void add(Enum<?> role, Side side, String name, Long personId, Function<Channel, String> address) {
			Map<Channel, String> addresses = new EnumMap<>(Channel.class);
			for (Channel channel : channels) {
				addresses.put(channel, address.apply(channel));
				if (addresses.get(channel) == null && needsAddress(channel, side)) {
					gaps.add(new RecipientGap(role, side,
							name + " has no " + addressName(channel) + ": not reached by " + Labels.of(channel) + "."));
				}
			}
			recipients.add(new Recipient(role, side, name, personId, addresses));
		}

		private static boolean needsAddress(Channel channel, Side side) {
			return switch (channel) {
				case EMAIL, LIVE_CALL -> true;
				case SLACK -> side == Side.INTERNAL;
				case INTERNAL_NOTES -> false;
			};
		}

		private static String addressName(Channel channel) {
			return channel == Channel.SLACK ? "Slack handle" : "e-mail address";
		}

	}

}

package io.riskdesk.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountDetails.ContactView;
import io.riskdesk.account.AccountDetails.TeamMemberView;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonView;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.web.Labels;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation matrix of a risk's severity resolved into people and addresses. Nothing is
 * stored: every read resolves the matrix against the risk, its account team and contacts as they
 * are, so a severity, team or contact change shows at once.
 */
@Service
@Transactional(readOnly = true)
public class EscalationRecipients {

	private final RiskRegister risks;

	private final Accounts accounts;

	private final Playbook playbook;

	EscalationRecipients(RiskRegister risks, Accounts accounts, Playbook playbook) {
		this.risks = risks;
		this.accounts = accounts;
		this.playbook = playbook;
	}

	/** Who is told of this risk now; NotFoundException for an unknown risk. */
	public RecipientList of(String riskKey) {
		RiskDetails risk = risks.get(riskKey);
		if (risk.severity() == null) {
			return new RecipientList(risk.key(), null, List.of(), List.of(), List.of(new RecipientGap(null, null,
					"The risk has no severity yet: set one to know whom the escalation matrix tells.")));
		}
		Playbook.MatrixEntry matrix = playbook.matrix(risk.severity());
		AccountDetails account = accounts.get(risk.account().id());
		Resolution resolution = new Resolution(matrix.channels());
		Stream.concat(matrix.internal().stream(), ifApplicable(risk, matrix).stream())
			.distinct()
			.forEach(role -> resolution.internal(role, account.team()));
		matrix.customer().forEach(role -> resolution.customer(role, account.contacts()));
		return new RecipientList(risk.key(), risk.severity(), matrix.channels(), resolution.recipients,
				resolution.gaps);
	}

	/** Security/Legal "if applicable": for an incident, or when the risk is flagged so. */
	private static List<TeamRole> ifApplicable(RiskDetails risk, Playbook.MatrixEntry matrix) {
		return risk.category() == RiskCategory.INCIDENT || risk.securityLegalApplicable() ? matrix.internalIfApplicable()
				: List.of();
	}

	/** The rows and gaps of one resolution, in the matrix's order. */
	private static final class Resolution {

		private final List<Channel> channels;

		private final List<Recipient> recipients = new ArrayList<>();

		private final List<RecipientGap> gaps = new ArrayList<>();

		Resolution(List<Channel> channels) {
			this.channels = channels;
		}

		void internal(TeamRole role, List<TeamMemberView> team) {
			List<PersonView> people = team.stream().filter(member -> member.role() == role).map(TeamMemberView::person)
				.toList();
			if (people.isEmpty()) {
				gaps.add(new RecipientGap(role, Side.INTERNAL,
						"Nobody holds the " + Labels.of(role) + " role in the account team."));
			}
			people.forEach(person -> add(role, Side.INTERNAL, person.name(), person.id(), channel -> switch (channel) {
				case EMAIL, LIVE_CALL -> person.email();
				case SLACK -> person.slackHandle();
				case INTERNAL_NOTES -> null;
			}));
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

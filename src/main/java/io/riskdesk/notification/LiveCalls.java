package io.riskdesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.NewMilestone;
import io.riskdesk.playbook.Channel;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.sla.BusinessCalendars;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Component;

/**
 * The S0 live call: one invite per trigger firing for everyone the LIVE_CALL channel reaches, at
 * the next free slot of the account's business day, and an action item on the risk to hold it.
 */
@Component
class LiveCalls {

	static final String ACTION_ITEM = "Hold the S0 live call";

	private final BusinessCalendars calendars;

	private final CorrectiveActionPlans plans;

	private final String organizer;

	private final Clock clock;

	LiveCalls(BusinessCalendars calendars, CorrectiveActionPlans plans, NotificationProperties properties, Clock clock) {
		this.calendars = calendars;
		this.plans = plans;
		this.organizer = address(properties.from());
		this.clock = clock;
	}

	/** A planned call: its invite (.ics) and when it starts. */
	record Planned(String ics, Instant start, ZoneId zone) {
	}

	Planned plan(RiskDetails risk, AccountDetails account, TriggerEvent event, Map<String, Object> model,
			List<Recipient> invited) {
		ZoneId zone = ZoneId.of(account.timeZone());
		Instant now = clock.instant();
		Instant start = LiveCallInvites.callStart(calendars.forAccount(account.calendar(), zone, account.country()), now);
		List<LiveCall.Attendee> attendees = invited.stream()
			.map(recipient -> new LiveCall.Attendee(recipient.personName(),
					recipient.addresses().get(Channel.LIVE_CALL)))
			.distinct()
			.toList();
		// The customer's people are invited too: the invite says what the call is about, nothing internal.
		LiveCall call = new LiveCall(uid(risk.key(), event), start, LiveCallInvites.CALL_LENGTH, zone,
				"Live call: " + risk.title() + " (" + account.name() + ")",
				"A live call on " + risk.title() + ", organised by " + model.get("ownerName") + ".", organizer, attendees);
		return new Planned(LiveCallInvites.ics(call, now), start, zone);
	}

	/** The action item to hold the call, owned by the risk's owner, due the day of the call. */
	void addActionItem(RiskDetails risk, Planned call) {
		LocalDate day = call.start().atZone(call.zone()).toLocalDate();
		plans.addActionItem(risk.key(), new NewMilestone(ACTION_ITEM, risk.owner() == null ? null : risk.owner().name(),
				risk.owner() == null ? null : risk.owner().id(), day,
				"The people the escalation matrix names for S0 are on the call, or have sent a delegate"),
				NotificationEvents.ACTOR);
	}

	/** Stable for a firing, so the invite of a resent message updates the same calendar entry. */
	private static String uid(String riskKey, TriggerEvent event) {
		byte[] occurrence = (riskKey + "|" + event.trigger() + "|" + event.occurrence()).getBytes(StandardCharsets.UTF_8);
		return UUID.nameUUIDFromBytes(occurrence) + "@riskdesk";
	}

	private static String address(String from) {
		try {
			return new InternetAddress(from, true).getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalStateException("riskdesk.notifications.from is not an e-mail address: " + from, ex);
		}
	}

}

package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;

/**
 * What the playbook promises a risk from its detection, as the targets of its clocks: triage
 * within the window in clock time, first response and notification by severity. The running
 * clocks and the preview of the clocks an import would start both count them from here.
 */
record RiskTargets(Duration triageWindow, SlaTargets firstResponse, SlaTargets notification) {

	static RiskTargets of(Playbook playbook) {
		return new RiskTargets(playbook.triage().window(),
				new SlaTargets(severity -> playbook.severity(severity).firstResponse()),
				new SlaTargets(severity -> playbook.matrix(severity).notification()));
	}

	SlaTargets.Target triage(Instant start) {
		return new SlaTargets.Target("within " + triageWindow.toHours() + " h of detection", false, triageWindow,
				start.plus(triageWindow));
	}

	/** The clocks a risk starts at {@code start}: triage always, first response and notification once it has a severity. */
	Map<ClockKind, SlaTargets.Target> owed(Severity severity, BusinessCalendar calendar, Instant start) {
		Map<ClockKind, SlaTargets.Target> owed = new EnumMap<>(ClockKind.class);
		owed.put(ClockKind.TRIAGE, triage(start));
		if (severity != null) {
			owed.put(ClockKind.FIRST_RESPONSE, firstResponse.of(severity, calendar, start));
			owed.put(ClockKind.NOTIFICATION, notification.of(severity, calendar, start));
		}
		return owed;
	}

}

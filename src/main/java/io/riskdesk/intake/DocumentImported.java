package io.riskdesk.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * An escalation email or meeting notes became a risk, or was attached to one, with how much it
 * brought along.
 *
 * @param source the file name, or "a pasted document"
 * @param attached the risk existed: the document was attached to it rather than logged as a new risk
 * @param accountChange what the import changed on the account, in words, or null
 * @param startedBreached the clocks that started already breached (an old document's), in words, or null
 */
public record DocumentImported(String riskKey, long importId, String source, boolean attached, int actionItems,
		int decisions, int meetings, String accountChange, String startedBreached, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.IMPORTED;
	}

	public String summary() {
		return (attached ? "Attached " : "Imported from ") + source + " (import " + importId + "): action items "
				+ actionItems + ", decisions " + decisions + ", meetings " + meetings
				+ (accountChange == null ? "" : "; account " + accountChange)
				+ (startedBreached == null ? "" : "; started already breached: " + startedBreached);
	}

	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("import", importId);
		details.put("page", "/intake/imports/" + importId);
		details.put("document", "/api/intake/imports/" + importId + "/document");
		if (accountChange != null) {
			details.put("account", accountChange);
		}
		if (startedBreached != null) {
			details.put("startedBreached", startedBreached);
		}
		return details;
	}

}

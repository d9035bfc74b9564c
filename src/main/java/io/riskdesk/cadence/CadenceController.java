package io.riskdesk.cadence;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}")
@Tag(name = "Cadence meetings")
@Validated
class CadenceController {

	private final CadenceSchedules schedules;

	private final CadenceMeetings meetings;

	private final CadenceInvite invites;

	CadenceController(CadenceSchedules schedules, CadenceMeetings meetings, CadenceInvite invites) {
		this.schedules = schedules;
		this.meetings = meetings;
		this.invites = invites;
	}

	@GetMapping("/cadence")
	@Operation(summary = "The risk's meeting schedule and its next meetings on the account's business days; 404 when none is set up")
	ResponseEntity<CadencePlan> get(@PathVariable String key,
			@Parameter(description = "How many next meetings to list (1-50)") @RequestParam(defaultValue = ""
					+ CadenceSchedules.NEXT_MEETINGS) @Min(1) @Max(50) int meetings) {
		CadencePlan plan = schedules.plan(key, meetings);
		return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
	}

	@PutMapping("/cadence")
	@Operation(summary = "Set up the risk's meetings at a time of day (account's time zone) for a length in minutes, "
			+ "from a day (default today), at the risk's cadence; records the SET_CADENCE triage step once. "
			+ "Changing a schedule set up before requires If-Match with its version")
	ResponseEntity<CadencePlan> set(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CadenceSetup setup, Principal user) {
		Integer version = schedules.exists(key) ? Versions.required(ifMatch) : Versions.optional(ifMatch);
		CadencePlan plan = schedules.set(key, version, setup, user.getName());
		return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
	}

	@GetMapping(path = "/cadence.ics", produces = CadenceIcs.MEDIA_TYPE)
	@Operation(summary = "The meeting series as an iCalendar invite: RRULE, the business calendar's skipped and moved "
			+ "days as EXDATE/RDATE, the account's time zone, a stable UID; METHOD:CANCEL once the cadence ended. "
			+ "With ?meeting=<start instant>, that one meeting of the series (its RECURRENCE-ID)")
	ResponseEntity<String> invite(@PathVariable String key,
			@Parameter(description = "The start of one meeting, e.g. 2027-03-22T14:00:00Z") @RequestParam(required = false) Instant meeting) {
		return CadenceIcs.download(key, meeting == null ? invites.of(key) : invites.of(key, meeting));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/meetings")
	@Operation(summary = "Record a meeting held: attendees, notes, decisions (added to the risk) and action items "
			+ "(added as milestones), all or nothing")
	ResponseEntity<Meeting> record(@PathVariable String key, @Valid @RequestBody NewMeeting meeting, Principal user) {
		Meeting recorded = meetings.record(key, meeting, user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/meetings/" + recorded.id())).body(recorded);
	}

	@GetMapping("/meetings")
	@Operation(summary = "The meetings held on the risk, latest first")
	List<Meeting> meetings(@PathVariable String key) {
		return meetings.of(key);
	}

}

package io.riskdesk.cadence;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.IntStream;

import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cadence panel of a risk's page, loaded by htmx like the plan panel: the schedule and its
 * next meetings with the invite, a form to set it up (or change it, based on the version it was
 * rendered with), the meetings held and a form to record one.
 */
@Controller
@RequestMapping("/risks/{key}")
class CadencePanel {

	private final CadenceSchedules schedules;

	private final CadenceMeetings meetings;

	private final CadenceInvite invites;

	private final RiskRegister risks;

	private final Validator validator;

	CadencePanel(CadenceSchedules schedules, CadenceMeetings meetings, CadenceInvite invites, RiskRegister risks,
			Validator validator) {
		this.schedules = schedules;
		this.meetings = meetings;
		this.invites = invites;
		this.risks = risks;
		this.validator = validator;
	}

	@GetMapping("/cadence")
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		return render(key, MeetingForm.empty(), model, request);
	}

	@PostMapping("/cadence")
	String setUp(@PathVariable String key, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime timeOfDay,
			@RequestParam(required = false) Integer minutes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			Principal user, Model model, HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> schedules.set(key, version,
				Inputs.requireValid(validator, new CadenceSetup(timeOfDay, minutes, startsOn)), user.getName()),
				"Meetings set up.", model, response);
		reloadIfDone(response);
		return render(key, MeetingForm.empty(), model, request);
	}

	@PostMapping("/cadence/meetings")
	String record(@PathVariable String key, @ModelAttribute MeetingForm form, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> meetings.record(key, form.toMeeting(schedules.zone(key)), user.getName()),
				"Meeting recorded.", model, response);
		reloadIfDone(response);
		boolean refused = response.getStatus() >= 400;
		return render(key, refused ? form : MeetingForm.empty(), model, request);
	}

	@GetMapping("/cadence.ics")
	ResponseEntity<String> invite(@PathVariable String key, @RequestParam(required = false) Instant meeting) {
		return CadenceIcs.download(key, meeting == null ? invites.of(key) : invites.of(key, meeting));
	}

	/**
	 * Setting up records SET_CADENCE and a meeting adds decisions and milestones: the risk changed
	 * under the page's other panels and forms, so htmx reloads the whole page.
	 */
	private static void reloadIfDone(HttpServletResponse response) {
		if (response.getStatus() < 400) {
			response.setHeader("HX-Refresh", "true");
		}
	}

	private String render(String key, MeetingForm form, Model model, HttpServletRequest request) {
		RiskDetails risk = risks.get(key);
		boolean hasSchedule = schedules.exists(key);
		model.addAttribute("riskKey", key);
		model.addAttribute("cadence", risk.cadence());
		model.addAttribute("plan", hasSchedule ? schedules.plan(key, CadenceSchedules.NEXT_MEETINGS) : null);
		model.addAttribute("timeZone", schedules.zone(key).getId());
		model.addAttribute("canSetUp", RiskStatus.UNRESOLVED.contains(risk.status())
				&& (risk.cadence() != null || risk.severity() != null));
		model.addAttribute("canRecord", risk.status() != RiskStatus.CLOSED);
		model.addAttribute("meetings", meetings.of(key));
		model.addAttribute("form", form);
		model.addAttribute("actionRows", IntStream.range(0, MeetingForm.ACTION_ROWS).boxed().toList());
		return Htmx.view(request, "cadence/panel", "panel");
	}

}

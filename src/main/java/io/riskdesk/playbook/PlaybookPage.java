package io.riskdesk.playbook;

import java.time.DayOfWeek;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The playbook in force, to read. */
@Controller
class PlaybookPage {

	private final Playbook playbook;

	private final PlaybookVersion version;

	PlaybookPage(Playbook playbook, PlaybookVersion version) {
		this.playbook = playbook;
		this.version = version;
	}

	@GetMapping("/playbook")
	String playbook(Model model) {
		model.addAttribute("playbook", playbook);
		model.addAttribute("version", version);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("categories", RiskCategory.values());
		model.addAttribute("days", DayOfWeek.values());
		return "playbook/playbook";
	}

}

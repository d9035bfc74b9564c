package io.riskdesk.plan;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Corrective action plan")
class MyActionsController {

	private final MyActions actions;

	MyActionsController(MyActions actions) {
		this.actions = actions;
	}

	@GetMapping("/api/my-actions")
	@Operation(summary = "The milestones and prevention items still to do that the signed-in user's person owns, "
			+ "across risks: overdue first, then by due date (no date last)")
	List<MyAction> mine(Principal user) {
		return actions.of(user.getName());
	}

}

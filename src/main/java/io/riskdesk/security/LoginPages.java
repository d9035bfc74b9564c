package io.riskdesk.security;

import java.util.List;

import io.riskdesk.web.Labels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the page shown when a signed-in user may not do something. */
@Controller
class LoginPages {

	@GetMapping("/login")
	String login() {
		return "security/login";
	}

	/** Reached by forward from {@link UiAccessRules#deniedPage()}, whatever the refused method was. */
	@RequestMapping("/access-denied")
	String accessDenied(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		Object roles = request.getAttribute(UiAccessRules.REQUIRED_ROLES);
		List<?> names = roles == null ? List.of(Role.ADMIN.name()) : (List<?>) roles;
		model.addAttribute("requiredRoles", names.stream().map(name -> Labels.of(Role.valueOf((String) name))).toList());
		model.addAttribute("staleForm", Boolean.TRUE.equals(request.getAttribute(UiAccessRules.STALE_FORM)));
		return "security/access-denied";
	}

}

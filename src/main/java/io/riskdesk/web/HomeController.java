package io.riskdesk.web;

import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication user, Model model) {
		model.addAttribute("user", user.getName());
		model.addAttribute("roles", user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(role -> role.replace("ROLE_", ""))
			.collect(Collectors.joining(", ")));
		return "home";
	}

}

package io.riskdesk.signal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The upload page: a telemetry file of a chosen kind through the same intake as the API, then its counts or its row errors. */
@Controller
class TelemetryPages {

	private final TelemetryIntake intake;

	TelemetryPages(TelemetryIntake intake) {
		this.intake = intake;
	}

	@GetMapping("/telemetry")
	String page(Model model) {
		return page(TelemetryKind.USAGE, model);
	}

	/** A file named *.json is read as JSON, any other as CSV. */
	@PostMapping("/telemetry")
	String upload(@RequestParam(defaultValue = "usage") String kind, @RequestParam(required = false) MultipartFile file,
			HttpServletResponse response, Model model) throws IOException {
		TelemetryKind telemetryKind = TelemetryKind.of(kind);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "Choose a file to upload");
			return page(telemetryKind, model);
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		TelemetryFormat format = name.toLowerCase(Locale.ROOT).endsWith(".json") ? TelemetryFormat.JSON : TelemetryFormat.CSV;
		model.addAttribute("fileName", name);
		try (InputStream body = file.getInputStream()) {
			model.addAttribute("report", intake.receive(telemetryKind, format, body));
		}
		catch (TelemetryRejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("rejected", ex);
		}
		catch (TelemetryTooLarge ex) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			model.addAttribute("fileError", ex.getMessage());
		}
		return page(telemetryKind, model);
	}

	private String page(TelemetryKind chosen, Model model) {
		Map<TelemetryKind, List<String>> kinds = new LinkedHashMap<>();
		Arrays.stream(TelemetryKind.values()).forEach(kind -> kinds.put(kind, intake.fields(kind)));
		model.addAttribute("kinds", kinds);
		model.addAttribute("chosen", chosen);
		model.addAttribute("maxMegabytes", intake.maxBytes() / (1024 * 1024));
		return "signal/telemetry";
	}

}

package io.riskdesk.playbook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.riskdesk.playbook.InvalidPlaybookException;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;

/** Reads a playbook YAML file (kebab-case keys) and checks it completely before anything uses it. */
public class PlaybookLoader {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private static final Pattern MAP_KEY = Pattern.compile("\\[([^\\]]*)\\]");

	private final ObjectMapper yaml = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Validator validator;

	public PlaybookLoader(Validator validator) {
		this.validator = validator;
	}

	public Playbook load(Resource resource) {
		String location = resource.getDescription();
		if (!resource.exists()) {
			throw new InvalidPlaybookException(location, List.of("file not found"), null);
		}
		Playbook playbook;
		try (InputStream in = resource.getInputStream()) {
			playbook = yaml.readValue(in, Playbook.class);
		}
		catch (JacksonException ex) {
			throw new InvalidPlaybookException(location, List.of(describe(ex)), ex);
		}
		catch (IOException ex) {
			throw new InvalidPlaybookException(location, List.of("cannot be read: " + ex.getMessage()), ex);
		}
		if (playbook == null) {
			throw new InvalidPlaybookException(location, List.of("file is empty"), null);
		}
		List<String> problems = new ArrayList<>(validator.validate(playbook)
			.stream()
			.map(PlaybookLoader::describe)
			.sorted()
			.toList());
		if (playbook.severities() != null) {
			requireEverySeverity("severities", playbook.severities().keySet(), problems);
		}
		if (playbook.escalationMatrix() != null) {
			requireEverySeverity("escalation-matrix", playbook.escalationMatrix().keySet(), problems);
		}
		if (playbook.detection() != null && playbook.detection().adoption() != null
				&& playbook.detection().adoption().collapsePercent() <= playbook.detection().adoption().dropPercent()) {
			problems.add("detection.adoption.collapse-percent: must be greater than drop-percent");
		}
		if (playbook.detection() != null && playbook.detection().renewal() != null
				&& playbook.detection().renewal().blockerDays() >= playbook.detection().renewal().horizonDays()) {
			problems.add("detection.renewal.blocker-days: must be less than horizon-days");
		}
		if (playbook.calendars() != null && !playbook.calendars().containsKey(Playbook.DEFAULT_CALENDAR)) {
			problems.add("calendars: missing " + Playbook.DEFAULT_CALENDAR + " (the calendar of accounts that name none)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidPlaybookException(location, problems, null);
		}
		return playbook;
	}

	private static void requireEverySeverity(String key, Set<Severity> present, List<String> problems) {
		Set<Severity> missing = EnumSet.allOf(Severity.class);
		missing.removeAll(present);
		if (!missing.isEmpty()) {
			problems.add(key + ": missing " + missing.stream()
				.sorted(Comparator.naturalOrder())
				.map(Enum::name)
				.collect(Collectors.joining(", ")));
		}
	}

	private static String describe(ConstraintViolation<Playbook> violation) {
		return yamlKey(violation.getPropertyPath().toString()) + ": " + violation.getMessage();
	}

	private static String describe(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		// A record's own invariant (IllegalArgumentException) says it better than Jackson's wrapper.
		String reason = ex.getCause() instanceof IllegalArgumentException invariant ? invariant.getMessage()
				: ex.getOriginalMessage();
		int detail = reason.indexOf('\n');
		return (path.isEmpty() ? "" : path + ": ") + (detail > 0 ? reason.substring(0, detail) : reason);
	}

	/** Bean Validation speaks Java property names; users edit kebab-case YAML keys. */
	static String yamlKey(String propertyPath) {
		String dotted = MAP_KEY.matcher(propertyPath).replaceAll(match -> "." + Matcher.quoteReplacement(match.group(1)));
		String kebab = CAMEL_HUMP.matcher(dotted).replaceAll(match -> match.group(1) + "-" + match.group(2).toLowerCase());
		return kebab.replaceAll("\\.<[^>]*>", "").replace("..", ".");
	}

}

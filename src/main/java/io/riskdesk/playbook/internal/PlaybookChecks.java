package io.riskdesk.playbook.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.riskdesk.playbook.DetectionPolicy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How the playbook is read and checked, shared by the file ({@link PlaybookLoader}) and by an
 * alternative detection section given as JSON (a backtest), so both are held to the same rules
 * and name a problem by the same key.
 */
public final class PlaybookChecks {

	/** One problem: the kebab-case key as in playbook.yml ({@code detection.adoption.usage-drop.percent}) and why. */
	public record Problem(String key, String reason) {

		@Override
		public String toString() {
			return key.isEmpty() ? reason : key + ": " + reason;
		}

	}

	public static final String DETECTION = "detection";

	/** Reads YAML and, as YAML holds JSON, JSON too; kebab-case keys. */
	public static final ObjectMapper MAPPER = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		// A key given twice (an event rule, say) would otherwise silently keep the last one.
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private static final Pattern MAP_KEY = Pattern.compile("\\[([^\\]]*)\\]");

	private PlaybookChecks() {
	}

	/**
	 * Everything wrong with a detection section: its constraints (sorted by key), then what Bean
	 * Validation cannot say: rules that relate to each other, and event types that exist.
	 */
	public static List<Problem> detection(Validator validator, DetectionPolicy detection) {
		List<Problem> problems = new ArrayList<>(validator.validate(detection)
			.stream()
			.map(violation -> describe(DETECTION, violation))
			.sorted((a, b) -> a.toString().compareTo(b.toString()))
			.toList());
		DetectionPolicy.Adoption adoption = detection.adoption();
		if (adoption != null && adoption.usageDrop() != null && adoption.collapse() != null
				&& adoption.collapse().percent() <= adoption.usageDrop().percent()) {
			problems.add(new Problem("detection.adoption.collapse.percent", "must be greater than usage-drop.percent"));
		}
		if (adoption != null && adoption.personaUnderuse() != null && adoption.personaUnderuse().targets() != null) {
			Set<List<String>> seen = new HashSet<>();
			for (DetectionPolicy.Target target : adoption.personaUnderuse().targets()) {
				if (target != null && !seen.add(List.of(String.valueOf(target.feature()), String.valueOf(target.persona())))) {
					problems.add(new Problem("detection.adoption.persona-underuse.targets",
							target.feature() + " / " + target.persona() + " is listed twice"));
				}
			}
		}
		if (detection.renewal() != null && detection.renewal().blockerDays() >= detection.renewal().horizonDays()) {
			problems.add(new Problem("detection.renewal.blocker-days", "must be less than horizon-days"));
		}
		if (detection.events() != null && detection.events().rules() != null) {
			String known = DetectionPolicy.EVENT_TYPES.stream().sorted().collect(Collectors.joining(", "));
			detection.events().rules().forEach((type, rule) -> {
				String key = "detection.events.rules." + type;
				if (type != null && !DetectionPolicy.EVENT_TYPES.contains(type)) {
					problems.add(new Problem(key, "unknown event type (known: " + known + ")"));
				}
				if (rule != null) {
					rule.clearedBy()
						.stream()
						.filter(counter -> counter != null && !DetectionPolicy.EVENT_TYPES.contains(counter))
						.forEach(counter -> problems.add(new Problem(key + ".cleared-by",
								"unknown event type " + counter + " (known: " + known + ")")));
				}
			});
		}
		return problems;
	}

	/** A constraint violation under its YAML key; {@code prefix} is the key of the object validated, "" for the file. */
	static Problem describe(String prefix, ConstraintViolation<?> violation) {
		return new Problem(key(prefix, yamlKey(violation.getPropertyPath().toString())), violation.getMessage());
	}

	/** A value that cannot be read, under its key; {@code prefix} is the key of the object read, "" for the file. */
	public static Problem describe(String prefix, JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		// A record's own invariant (IllegalArgumentException) says it better than Jackson's wrapper.
		String reason = ex.getCause() instanceof IllegalArgumentException invariant ? invariant.getMessage()
				: ex.getOriginalMessage();
		int detail = reason.indexOf('\n');
		return new Problem(key(prefix, path), detail > 0 ? reason.substring(0, detail) : reason);
	}

	private static String key(String prefix, String path) {
		return prefix.isEmpty() || path.isEmpty() ? prefix + path : prefix + "." + path;
	}

	/** Bean Validation speaks Java property names; users edit kebab-case YAML keys. */
	static String yamlKey(String propertyPath) {
		String dotted = MAP_KEY.matcher(propertyPath).replaceAll(match -> "." + Matcher.quoteReplacement(match.group(1)));
		String kebab = CAMEL_HUMP.matcher(dotted).replaceAll(match -> match.group(1) + "-" + match.group(2).toLowerCase());
		return kebab.replaceAll("\\.<[^>]*>", "").replace("..", ".");
	}

}

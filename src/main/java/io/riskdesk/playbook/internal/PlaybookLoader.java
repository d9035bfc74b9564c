package io.riskdesk.playbook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.InvalidPlaybookException;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.PlaybookVersion;
import io.riskdesk.playbook.Severity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
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
		// A key given twice (an event rule, say) would otherwise silently keep the last one.
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final Validator validator;

	public PlaybookLoader(Validator validator) {
		this.validator = validator;
	}

	/** A checked playbook and the version of the bytes it was read from. */
	public record Loaded(Playbook playbook, PlaybookVersion version) {
	}

	public Playbook load(Resource resource) {
		return loadWithVersion(resource).playbook();
	}

	/** Reads the file once, so the version is the hash of exactly the bytes that made the playbook. */
	public Loaded loadWithVersion(Resource resource) {
		String location = resource.getDescription();
		if (!resource.exists()) {
			throw new InvalidPlaybookException(location, List.of("file not found"), null);
		}
		byte[] bytes;
		try (InputStream in = resource.getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new InvalidPlaybookException(location, List.of("cannot be read: " + ex.getMessage()), ex);
		}
		Playbook playbook;
		try {
			playbook = yaml.readValue(bytes, Playbook.class);
		}
		catch (JacksonException ex) {
			throw new InvalidPlaybookException(location, List.of(describe(ex)), ex);
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
		if (playbook.detection() != null) {
			checkDetection(playbook.detection(), problems);
		}
		if (playbook.calendars() != null && !playbook.calendars().containsKey(Playbook.DEFAULT_CALENDAR)) {
			problems.add("calendars: missing " + Playbook.DEFAULT_CALENDAR + " (the calendar of accounts that name none)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidPlaybookException(location, problems, null);
		}
		return new Loaded(playbook, new PlaybookVersion(sha256(bytes)));
	}

	/** What Bean Validation cannot say: rules that relate to each other, and event types that exist. */
	private static void checkDetection(DetectionPolicy detection, List<String> problems) {
		DetectionPolicy.Adoption adoption = detection.adoption();
		if (adoption != null && adoption.usageDrop() != null && adoption.collapse() != null
				&& adoption.collapse().percent() <= adoption.usageDrop().percent()) {
			problems.add("detection.adoption.collapse.percent: must be greater than usage-drop.percent");
		}
		if (adoption != null && adoption.personaUnderuse() != null && adoption.personaUnderuse().targets() != null) {
			Set<List<String>> seen = new HashSet<>();
			for (DetectionPolicy.Target target : adoption.personaUnderuse().targets()) {
				if (target != null && !seen.add(List.of(String.valueOf(target.feature()), String.valueOf(target.persona())))) {
					problems.add("detection.adoption.persona-underuse.targets: " + target.feature() + " / "
							+ target.persona() + " is listed twice");
				}
			}
		}
		if (detection.renewal() != null && detection.renewal().blockerDays() >= detection.renewal().horizonDays()) {
			problems.add("detection.renewal.blocker-days: must be less than horizon-days");
		}
		if (detection.events() != null && detection.events().rules() != null) {
			String known = DetectionPolicy.EVENT_TYPES.stream().sorted().collect(Collectors.joining(", "));
			detection.events().rules().forEach((type, rule) -> {
				String key = "detection.events.rules." + type;
				if (type != null && !DetectionPolicy.EVENT_TYPES.contains(type)) {
					problems.add(key + ": unknown event type (known: " + known + ")");
				}
				if (rule != null) {
					rule.clearedBy()
						.stream()
						.filter(counter -> counter != null && !DetectionPolicy.EVENT_TYPES.contains(counter))
						.forEach(counter -> problems.add(key + ".cleared-by: unknown event type " + counter + " (known: "
								+ known + ")"));
				}
			});
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
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

package io.riskdesk.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.playbook.internal.PlaybookChecks;
import io.riskdesk.playbook.internal.PlaybookChecks.Problem;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * The detection section in force, and alternatives to it for a what-if: an alternative is given
 * with the keys of playbook.yml's {@code detection} section (kebab-case) and names only what it
 * changes; every key it leaves out keeps the value in force. It is checked exactly as the file's
 * section is.
 */
@Service
public class DetectionSection {

	private final DetectionPolicy inForce;

	private final Validator validator;

	DetectionSection(Playbook playbook, Validator validator) {
		this.inForce = playbook.detection();
		this.validator = validator;
	}

	public DetectionPolicy inForce() {
		return inForce;
	}

	/**
	 * The section in force with these changes: objects merge key by key, any other value (a number,
	 * a list) replaces the one in force. Null or missing changes nothing.
	 *
	 * @throws InvalidFieldsException naming each wrong key as in the file, e.g. {@code detection.adoption.usage-drop.percent}
	 */
	public DetectionPolicy alternative(JsonNode changes) {
		if (changes == null || changes.isNull() || changes.isMissingNode()) {
			return inForce;
		}
		if (!changes.isObject()) {
			throw invalid(List.of(new Problem(PlaybookChecks.DETECTION, "must be an object")));
		}
		DetectionPolicy alternative;
		try {
			alternative = PlaybookChecks.MAPPER.treeToValue(merge(tree(inForce), changes), DetectionPolicy.class);
		}
		catch (JacksonException ex) {
			throw invalid(List.of(PlaybookChecks.describe(PlaybookChecks.DETECTION, ex)));
		}
		List<Problem> problems = PlaybookChecks.detection(validator, alternative);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return alternative;
	}

	/** A section as playbook.yml writes it (kebab-case keys). */
	public JsonNode tree(DetectionPolicy policy) {
		return PlaybookChecks.MAPPER.valueToTree(policy);
	}

	/**
	 * Every value of a section by its key, {@code adoption.usage-drop.percent} → {@code 30}: numbers
	 * and words as they read, lists as JSON.
	 */
	public Map<String, String> values(DetectionPolicy policy) {
		Map<String, String> values = new LinkedHashMap<>();
		flatten("", tree(policy), values);
		return values;
	}

	private static void flatten(String key, JsonNode node, Map<String, String> values) {
		if (node.isObject()) {
			node.properties().forEach(e -> flatten(key.isEmpty() ? e.getKey() : key + "." + e.getKey(), e.getValue(), values));
		}
		else {
			values.put(key, node.isValueNode() ? node.asString() : node.toString());
		}
	}

	private static JsonNode merge(JsonNode base, JsonNode changes) {
		if (!base.isObject() || !changes.isObject()) {
			return changes;
		}
		ObjectNode merged = ((ObjectNode) base).deepCopy();
		changes.properties().forEach(e -> merged.set(e.getKey(),
				base.has(e.getKey()) ? merge(base.get(e.getKey()), e.getValue()) : e.getValue()));
		return merged;
	}

	private static InvalidFieldsException invalid(List<Problem> problems) {
		Map<String, String> reasons = new LinkedHashMap<>();
		problems.forEach(problem -> reasons.putIfAbsent(problem.key(), problem.reason()));
		return new InvalidFieldsException(reasons);
	}

}

package io.riskdesk.playbook;

import java.util.Map;

import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** An alternative detection section: the keys it names over the section in force, checked as the file is. */
class DetectionSectionTest {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final DetectionSection section = new DetectionSection(
			new PlaybookLoader(validation.getValidator()).load(new ClassPathResource("playbook.yml")),
			validation.getValidator());

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void anAlternativeChangesOnlyTheKeysItNames() {
		DetectionPolicy alternative = section.alternative(json("""
				{"adoption": {"usage-drop": {"percent": 20}}, "support": {"sev1-tickets": {"count": 1}},
				 "events": {"rules": {"REORG": {"severity": "S1"}}}}"""));

		DetectionPolicy inForce = section.inForce();
		assertThat(alternative.adoption().usageDrop()).isEqualTo(new DetectionPolicy.Drop(20, 30, Severity.S2));
		assertThat(alternative.support().sev1Tickets()).isEqualTo(new DetectionPolicy.Count(1, 30, Severity.S1));
		assertThat(alternative.events().rules().get("REORG"))
			.isEqualTo(new DetectionPolicy.EventRule(RiskCategory.PEOPLE, Severity.S1, null));
		assertThat(alternative.events().rules()).hasSameSizeAs(inForce.events().rules());
		assertThat(alternative.adoption().collapse()).isEqualTo(inForce.adoption().collapse());
		assertThat(alternative.renewal()).isEqualTo(inForce.renewal());
		assertThat(section.alternative(json("{}"))).isEqualTo(inForce);
		assertThat(section.alternative(null)).isEqualTo(inForce);
	}

	@Test
	void valuesAreKeyedAsInTheFile() {
		assertThat(section.values(section.inForce())).containsEntry("adoption.usage-drop.percent", "30")
			.containsEntry("adoption.usage-drop.severity", "S2")
			.containsEntry("events.rules.HEALTH_RED.cleared-by", "[\"HEALTH_GREEN\",\"HEALTH_YELLOW\"]")
			.containsEntry("renewal.horizon-days", "90")
			.doesNotContainKey("rules");
	}

	@Test
	void aWrongValueIsNamedByItsKeyAsTheLoaderNamesIt() {
		assertThatThrownBy(() -> section.alternative(json("""
				{"adoption": {"usage-drop": {"percent": -5}, "floor-users": -1},
				 "renewal": {"blocker-days": 120}}""")))
			.isInstanceOf(InvalidFieldsException.class)
			.extracting(ex -> ((InvalidFieldsException) ex).reasons(), MAP)
			.containsExactly(Map.entry("detection.adoption.floor-users", "must be greater than or equal to 0"),
					Map.entry("detection.adoption.usage-drop.percent", "must be greater than or equal to 0"),
					Map.entry("detection.renewal.blocker-days", "must be less than horizon-days"));
		assertThatThrownBy(() -> section.alternative(json("{\"adoption\": {\"usage-dorp\": {\"percent\": 20}}}")))
			.isInstanceOf(InvalidFieldsException.class)
			.hasMessageStartingWith("detection.adoption.usage-dorp: Unrecognized property \"usage-dorp\"");
		assertThatThrownBy(() -> section.alternative(json("{\"support\": {\"sev1-tickets\": {\"severity\": \"S5\"}}}")))
			.hasMessageStartingWith("detection.support.sev1-tickets.severity: Cannot deserialize value of type `io.riskdesk.playbook.Severity` from String \"S5\"");
		assertThatThrownBy(() -> section.alternative(json("{\"events\": {\"rules\": {\"SPONSR_LEFT\": {\"category\": \"PEOPLE\", \"severity\": \"S1\"}}}}")))
			.hasMessageStartingWith("detection.events.rules.SPONSR_LEFT: unknown event type");
		assertThatThrownBy(() -> section.alternative(json("[1]"))).hasMessage("detection: must be an object");
	}

	private static JsonNode json(String text) {
		return JsonMapper.builder().build().readTree(text);
	}

}

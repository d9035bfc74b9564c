package io.riskdesk.web;

import io.riskdesk.core.SaneDate;
import java.time.Clock;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How input is read: strict JSON and a validator that knows the application's clock.
 * {@link ApiProblemHandler} turns what these refuse into a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration {

	/**
	 * JSON as it is written, never guessed at: {@code 1.9} is no id, {@code 123} or {@code true}
	 * no text, {@code "12"} no number, {@code 2} no enum constant, and {@code null} is no element
	 * of a list or value of a map (a record whose list needs gaps says so with {@code @JsonSetter}).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual, texts -> texts.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
	}

	/** {@link SaneDate} (and {@code @Past}, {@code @Future}) measure from the injected clock, not the system's. */
	@Bean
	ValidationConfigurationCustomizer validationClock(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock);
	}

}

package io.riskdesk.cadence;

import java.time.LocalDate;
import java.time.LocalTime;

import io.riskdesk.core.SaneDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a risk's meetings are held: at {@code timeOfDay} in the account's time zone, for
 * {@code minutes}, from {@code startsOn} (null: today in the account's zone). How often comes
 * from the risk's cadence.
 */
public record CadenceSetup(@NotNull LocalTime timeOfDay, @NotNull @Min(5) @Max(480) Integer minutes,
		@SaneDate LocalDate startsOn) {
}

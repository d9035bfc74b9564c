package io.riskdesk.risk;

import io.riskdesk.playbook.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SeverityChange(@NotNull Severity severity, @NotBlank @Size(max = 2000) String reason) {
}

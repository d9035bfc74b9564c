package io.riskdesk;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "Riskdesk", sharedModules = { "core", "web" })
@ConfigurationPropertiesScan
public class RiskdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(RiskdeskApplication.class, args);
	}

	/** The only source of "now": tests replace it to control time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

package io.riskdesk.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param directory where {@link DatabaseBackups} writes backups. */
@ConfigurationProperties("riskdesk.backup")
public record BackupProperties(@DefaultValue("./data/backups") Path directory) {
}

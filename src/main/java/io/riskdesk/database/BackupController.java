package io.riskdesk.database;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.riskdesk.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/backups")
@Tag(name = "Backups (admin)")
class BackupController {

	private final DatabaseBackups backups;

	BackupController(DatabaseBackups backups) {
		this.backups = backups;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Write a consistent backup of the whole database into the backup directory")
	ResponseEntity<DatabaseBackups.BackupFile> create() {
		DatabaseBackups.BackupFile backup = backups.create();
		return ResponseEntity.created(URI.create("/api/admin/backups/" + backup.name())).body(backup);
	}

	@GetMapping
	@Operation(summary = "The backups in the backup directory, newest first")
	List<DatabaseBackups.BackupFile> list() {
		return backups.list();
	}

	@GetMapping("/{name}")
	@Operation(summary = "Download a backup")
	ResponseEntity<Resource> download(@PathVariable String name) {
		Path file = backups.find(name).orElseThrow(() -> new NotFoundException("Backup", name));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

}

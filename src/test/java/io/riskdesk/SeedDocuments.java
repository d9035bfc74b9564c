package io.riskdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seed documents of ../shared/seeds: the escalation email, the meeting notes and the playbook. */
public final class SeedDocuments {

	public static final Path DIRECTORY = Path.of("..", "shared", "seeds");

	private SeedDocuments() {
	}

	/**
	 * A seed document as it is. Without the seeds next to the repository the test is skipped,
	 * loudly; on CI (CI=true) it fails instead, so a CI run cannot pass without them.
	 */
	public static byte[] read(String name) {
		Path file = DIRECTORY.resolve(name);
		if (!Files.isRegularFile(file)) {
			String message = "seed document " + file.toAbsolutePath()
					+ " not found: the seed tests need ../shared/seeds next to the repository";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
			}
			System.err.println("\n*** SEED DOCUMENT TEST SKIPPED: " + message + "\n");
			Assumptions.abort(message);
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports a seed document through the intake API as alex, filed under a new account named
	 * {@code accountName} with a unique suffix (the demo has the seed accounts already): the risk's key.
	 */
	public static String importAsNewAccount(MockMvc mvc, JsonMapper json, String name, String accountName)
			throws Exception {
		// A line of its own makes it another document: the intake finds an earlier import of the same one.
		String document = new String(read(name), StandardCharsets.UTF_8) + "\n\nTest import "
				+ UUID.randomUUID() + "\n";
		String read = mvc.perform(asAlex(post("/api/intake/notes")).contentType(MediaType.parseMediaType("text/markdown"))
			.content(document)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		ObjectNode proposal = (ObjectNode) json.readTree(read).get("proposal");
		ObjectNode account = (ObjectNode) proposal.get("account");
		account.putNull("id");
		account.put("name", accountName + " " + UUID.randomUUID().toString().substring(0, 6));
		account.put("segment", "ENTERPRISE");
		String created = mvc.perform(asAlex(post("/api/intake/imports")).content(json.writeValueAsString(proposal)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(created).get("riskKey").asString();
	}

}

package io.riskdesk.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One signed-in browser session: Debian's headless chromium driven through its chromedriver.
 * The paths are explicit so Selenium never tries to download a driver.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(String baseUrl, int width, int height) throws IOException {
		this.baseUrl = baseUrl;
		this.profile = Files.createTempDirectory("riskdesk-chromium");
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
	}

	/**
	 * Skips the calling test, loudly, when chromium or its driver is missing; on CI (CI=true)
	 * fails instead, so a CI machine without a browser cannot pass silently.
	 */
	static void assumeInstalled() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ ": on Debian/Ubuntu run  apt-get install -y chromium chromium-driver";
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
		}
		System.err.println("""

				************************************************************************
				*  BROWSER TESTS SKIPPED                                               *
				************************************************************************
				""" + message + "\n");
		Assumptions.abort(message);
	}

	/** A new session at 1280 x 900 signed in as {@code user}. */
	static Browser signedIn(String baseUrl, String user) throws IOException {
		return signedIn(baseUrl, user, 1280, 900);
	}

	static Browser signedIn(String baseUrl, String user, int width, int height) throws IOException {
		Browser browser = new Browser(baseUrl, width, height);
		browser.go("/login");
		browser.find(By.id("username")).sendKeys(user);
		browser.find(By.id("password")).sendKeys("demo");
		browser.find(By.cssSelector("form button[type=submit]")).click();
		browser.waitFor(By.cssSelector(".user-name"));
		return browser;
	}

	void go(String path) {
		driver.get(baseUrl + path);
	}

	WebElement find(By by) {
		return waitFor(by);
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/**
	 * Clicks the button with this text and waits until its answer has replaced the page or,
	 * for htmx, the risk panel; only then can the next check trust what it sees.
	 */
	void submit(String button) {
		List<WebElement> panel = driver.findElements(By.id("risk-panel"));
		WebElement before = panel.isEmpty() ? driver.findElement(By.tagName("body")) : panel.get(0);
		find(By.xpath("//button[normalize-space()='" + button + "']")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
	}

	/**
	 * Clicks {@code button} inside the htmx panel {@code panelId} (swapped whole by its answer, as the
	 * plan and concession panels are) and waits until the answer has replaced the panel.
	 */
	void submitIn(String panelId, By button) {
		WebElement panel = find(By.id(panelId));
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
				panel.findElement(button))).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(panel));
	}

	/** {@link #submitIn(String, By)} for the button with this text. */
	void submitIn(String panelId, String button) {
		submitIn(panelId, By.xpath(".//button[normalize-space()='" + button + "']"));
	}

	/** Waits until the message of the panel {@code panelId} (the result of its last action) says {@code text}. */
	void waitForMessage(String panelId, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("#" + panelId + " .message"), text));
	}

	/** Waits until the page's message (the result of the last action) says {@code text}. */
	void waitForMessage(String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message"), text));
	}

	/** Records a triage step from the risk page's form; {@code note} may be null (SET_CADENCE needs none). */
	void recordTriageStep(String step, String note) {
		new Select(find(By.id("step-step"))).selectByValue(step);
		if (note != null) {
			find(By.id("step-note")).sendKeys(note);
		}
		submit("Record step");
		waitForMessage("Triage step recorded.");
	}

	/** Sets a date input: typing into one depends on the browser's locale. */
	void date(By input, LocalDate date) {
		driver.executeScript("arguments[0].value = arguments[1]", find(input), date.toString());
	}

	/** Sets a datetime-local input to the minute, for the same reason as {@link #date}. */
	void dateTime(By input, LocalDateTime time) {
		driver.executeScript("arguments[0].value = arguments[1]", find(input),
				time.truncatedTo(ChronoUnit.MINUTES).toString());
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	String url() {
		return driver.getCurrentUrl();
	}

	ChromeDriver driver() {
		return driver;
	}

	void screenshot(String name) throws IOException {
		save(name, driver.getScreenshotAs(OutputType.FILE));
	}

	/** A screenshot of one element of the page, such as a panel. */
	void screenshot(String name, By element) throws IOException {
		save(name, find(element).getScreenshotAs(OutputType.FILE));
	}

	private static void save(String name, File shot) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

}

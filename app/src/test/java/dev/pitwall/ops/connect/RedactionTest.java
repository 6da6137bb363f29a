package dev.pitwall.ops.connect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one redaction rule, and URL parse errors that name the wrong part without repeating the URL. */
class RedactionTest {

    private static final Set<String> REDIS = Set.of("redis", "rediss");

    @Test
    void aPasswordInAUrlIsMaskedEvenWhenTheUrlDoesNotParse() {
        assertThat(Redaction.url("redis://u:p@ss@h:6379/2")).isEqualTo("redis://u:***@h:6379/2");
        assertThat(Redaction.url("redis://:se cret@127.0.0.1:6379")).isEqualTo("redis://:***@127.0.0.1:6379");
        assertThat(Redaction.url("redis://:a/b?c#d@host")).isEqualTo("redis://:***@host");
        assertThat(Redaction.url("https://user:hunter2@ap.example.com/api")).isEqualTo("https://user:***@ap.example.com/api");
        assertThat(Redaction.url("redis://alice@host:6379")).as("a user name alone stays").isEqualTo(
                "redis://alice@host:6379");
        assertThat(Redaction.url("http://host/path")).isEqualTo("http://host/path");
    }

    @Test
    void inAnyTextEveryUrlAndEverySecretLookingAssignmentIsMasked() {
        assertThat(Redaction.text("Illegal character in authority at index 8: redis://:se cret@127.0.0.1:6379 and "
                + "http://x:y@z/ then"))
                .isEqualTo("Illegal character in authority at index 8: redis://:***@127.0.0.1:6379 and http://x:***@z/ "
                        + "then");
        assertThat(Redaction.text("env {AP_API_KEY=hunter2, MODE=fast, db_password=x y}"))
                .isEqualTo("env {AP_API_KEY=***, MODE=fast, db_password=*** y}");
        assertThat(Redaction.text("give --env-from-secret AP_API_KEY=SECRET_NAME:KEY, not AP_API_KEY=***"))
                .as("a placeholder and the mask are no secrets")
                .isEqualTo("give --env-from-secret AP_API_KEY=SECRET_NAME:KEY, not AP_API_KEY=***");
        assertThat(Redaction.text("line one redis://:pw@h\nline two has an @ sign"))
                .isEqualTo("line one redis://:***@h\nline two has an @ sign");
    }

    @Test
    void secretNamesAreThoseWithKeyTokenSecretOrPasswordInAnyCase() {
        assertThat(List.of("AP_API_KEY", "github_token", "Db_Password", "MY_SECRET", "apikey"))
                .allMatch(Redaction::secretName);
        assertThat(List.of("AP_EXECUTION_MODE", "HOST", "AP_WORKER_GROUP_ID")).noneMatch(Redaction::secretName);
    }

    @Test
    void urlParseErrorsSayWhichPartIsWrongAndNeverRepeatTheUrl() {
        for (String bad : List.of("redis://:se cret@127.0.0.1:6379", "redis://:se%cret@127.0.0.1:6379",
                "redis://:se^cret@127.0.0.1:6379", "redis://u:p@ss@h")) {
            assertThatThrownBy(() -> UrlParts.parse(bad, "Redis URL", REDIS))
                    .hasMessage("Redis URL: the password has a character that must be percent-encoded (a space as "
                            + "%20, % as %25, @ as %40, / as %2F, ^ as %5E)");
        }
        assertThatThrownBy(() -> UrlParts.parse("redis://us er:cret@h", "Redis URL", REDIS))
                .hasMessageStartingWith("Redis URL: the user name has");
        assertThatThrownBy(() -> UrlParts.parse("ftp://u:secret@h", "Redis URL", REDIS))
                .hasMessage("Redis URL must start with redis:// or rediss://");
        assertThatThrownBy(() -> UrlParts.parse("redis://:secret@h:99999", "Redis URL", REDIS))
                .hasMessage("Redis URL: the port must be a number from 1 to 65535");
        assertThatThrownBy(() -> UrlParts.parse("redis://:secret@", "Redis URL", REDIS))
                .hasMessage("Redis URL has no host");
        assertThatThrownBy(() -> UrlParts.parse("http://:secret@h/a b", "platform URL", Set.of("http")))
                .hasMessageStartingWith("platform URL: the part after the host has a character");
    }

    @Test
    void aPercentEncodedPasswordIsDecodedAndAPlusStaysAPlus() {
        UrlParts parts = UrlParts.parse("redis://u:p%40ss+1@h:6380/3", "Redis URL", REDIS);
        assertThat(parts.user()).isEqualTo("u");
        assertThat(parts.password()).isEqualTo("p@ss+1");
        assertThat(parts.host()).isEqualTo("h");
        assertThat(parts.port()).isEqualTo(6380);
        assertThat(parts.path()).isEqualTo("3");
    }
}

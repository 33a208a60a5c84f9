package nl.groenlicht.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passwords a guesser tries first (issue 16, M-9): the 10,000 most common ones (from zxcvbn-ts, MIT licence, see
 * {@code passwords/LICENSE-zxcvbn-ts.txt}), also with up to four characters added at the end ({@code password1234}),
 * passwords of fewer than four different characters, and the portal's own name.
 */
final class CommonPasswords {

    private static final int LONGEST_ADDITION = 4;
    private static final int SHORTEST_STEM = 6;
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() < 4 || lower.contains("groenlicht") || LIST.contains(lower)) {
            return true;
        }
        for (int stem = SHORTEST_STEM; stem < lower.length(); stem++) {
            if (lower.length() - stem <= LONGEST_ADDITION && LIST.contains(lower.substring(0, stem))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream("/passwords/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.groenlicht;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published questionnaire and advice versions never change: scans made on them must keep showing the same texts.
 * The fingerprints are those of the files as published (commit ed894a4); a change belongs in a new version.
 */
class PublishedSeedDataTest {

    private static final Map<String, String> PUBLISHED = Map.of(
            "seed-data/questionnaires/werkplekscan-v1.yaml",
            "b6b6666b8f8e05708e8d1e7aa5007873558cf44ccbeb7f146300bfb9992220b0",
            "seed-data/advice/advice-v1.yaml",
            "e8c5b3dd97071bda69f17a76406e75268c70b1dd9339ca250e5c57e752e3d847");

    @Test
    void publishedVersionOneFilesAreByteForByteAsPublished() throws IOException, NoSuchAlgorithmException {
        for (Map.Entry<String, String> file : PUBLISHED.entrySet()) {
            byte[] bytes = Files.readAllBytes(Path.of(file.getKey()));
            assertEquals(file.getValue(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    file.getKey() + " was published and must not change: copy it to a new version instead");
        }
    }
}

package nl.groenlicht.response;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives the scans of a database from before verdicts were stored (migration V6) their verdicts, once, at start. */
@Singleton
class ScanSummaryBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ScanSummaryBackfill.class);

    private final ScanService scans;

    ScanSummaryBackfill(ScanService scans) {
        this.scans = scans;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int scored = scans.scoreUnscored();
        if (scored > 0) {
            LOG.info("Scored {} scans stored before verdicts were kept", scored);
        }
    }
}

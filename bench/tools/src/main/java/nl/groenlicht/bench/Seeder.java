package nl.groenlicht.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import nl.groenlicht.account.Account;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.account.Role;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.OrganisationService;
import nl.groenlicht.organisation.Site;
import nl.groenlicht.organisation.SiteKind;
import nl.groenlicht.organisation.Staff;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.ScanService.Assignment;
import nl.groenlicht.scan.Questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a database for the dashboard benchmark through the product's own services, as the pages would: one coach, their
 * organisations, a site each, and site visits and invited self-assessments with all answers, so each has a verdict.
 * The database comes from the product's settings ({@code datasources.default.url} etc. as system properties).
 *
 * <p>Arguments: coach e-mail, coach password, organisations, scans per organisation.
 */
public final class Seeder {

    private static final List<String> TRADES = List.of("Bakkerij", "Hovenier", "Drukkerij", "Garage", "Kwekerij",
            "Schoonmaak", "Magazijn", "Zorghuis", "Timmerwerk", "Catering", "Installatie", "Transport", "Boekhandel",
            "Fietsenmaker", "Kapsalon", "Slagerij", "Kinderopvang", "Bouwbedrijf", "Loodgieter", "Wasserij");
    private static final List<String> NAMES = List.of("De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer",
            "De Boer", "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer",
            "De Wit", "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Kok", "Jacobs", "Van Dijk", "Verweij");
    /** Self-assessments the coach invites an employer to, per organisation; the rest are the coach's own visits. */
    private static final int INVITATIONS_PER_ORGANISATION = 3;

    private Seeder() {
    }

    public static void main(String[] args) throws Exception {
        String email = args[0];
        String password = args[1];
        int organisationCount = Integer.parseInt(args[2]);
        int scansPerOrganisation = Integer.parseInt(args[3]);
        long started = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.run()) {
            Account coach = context.getBean(AccountService.class).create(email, "Bench Coach", password, Role.COACH);
            Staff staff = new Staff(coach.id(), coach.email(), false);
            OrganisationService organisations = context.getBean(OrganisationService.class);
            ScanService scans = context.getBean(ScanService.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Object> transactions = context.getBean(TransactionOperations.class);
            Questionnaire questionnaire = scans.currentQuestionnaire();

            // One transaction per organisation (the services join it): far fewer commits than one per save, and a
            // worker per core, since each save spends most of its time scoring and validating in Java.
            int workers = Runtime.getRuntime().availableProcessors();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < organisationCount; n = next.getAndIncrement()) {
                        int number = n;
                        transactions.executeWrite(status -> {
                            seedOrganisation(number, staff, organisations, scans, questionnaire, scansPerOrganisation);
                            return null;
                        });
                        int total = done.incrementAndGet();
                        if (total % 1000 == 0) {
                            System.out.printf("seeded %d organisations in %.0f s%n", total, seconds(started));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
            pool.shutdown();
        }
        System.out.printf("SEED_SECONDS=%.1f%n", seconds(started));
    }

    private static void seedOrganisation(int number, Staff staff, OrganisationService organisations,
                                         ScanService scans, Questionnaire questionnaire, int scanCount) {
        Random random = new Random(number);
        String name = TRADES.get(number % TRADES.size()) + " " + NAMES.get((number / TRADES.size()) % NAMES.size())
                + " " + number;
        Organisation organisation = organisations.create(name, staff);
        SiteKind kind = number % 4 == 0 ? SiteKind.CLIENT_SITE : SiteKind.LOCATION;
        Site site = organisations.addSite(organisation, "Vestiging " + (number % 50 + 1), kind.name());
        Assignment assignment = new Assignment(organisation.id(), site.id(), staff.accountId());
        Map<String, List<String>> profile = Map.of("organisationName", List.of(name),
                "clientSites", List.of(kind == SiteKind.CLIENT_SITE ? "yes" : "no"));
        for (int s = 0; s < scanCount; s++) {
            ScanService.StartedScan started = s < INVITATIONS_PER_ORGANISATION
                    ? scans.invite(assignment, profile)
                    : scans.startVisit(assignment, profile);
            // A third of the scans all green; the rest mostly good, with the odd weak or knock-out answer.
            double care = random.nextInt(3) == 0 ? 1.0 : 0.9;
            scans.save(started.scan(), SampleAnswers.wholeScan(questionnaire, random, care));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

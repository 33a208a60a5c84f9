package nl.groenlicht.bench.ceiling;

import io.micronaut.runtime.Micronaut;

/** The fastest a Micronaut page can be on this machine: the portal's pages, rendered once, served as fixed bytes. */
public class CeilingApplication {

    public static void main(String[] args) {
        Micronaut.run(CeilingApplication.class, args);
    }
}

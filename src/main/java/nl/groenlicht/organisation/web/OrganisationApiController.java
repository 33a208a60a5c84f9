package nl.groenlicht.organisation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.OrganisationService;
import nl.groenlicht.organisation.Staff;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.pulse.web.PulseExport;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.JsonBodies;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Organisations and sites for staff; another coach's organisation is a 404, as if it did not exist. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/organisations")
class OrganisationApiController {

    private final OrganisationService organisations;
    private final JsonBodies bodies;
    private final Messages messages;
    private final AuditLog audit;
    private final ScanService scans;
    private final PulseService pulses;

    OrganisationApiController(OrganisationService organisations, JsonBodies bodies, Messages messages,
                              AuditLog audit, ScanService scans, PulseService pulses) {
        this.organisations = organisations;
        this.pulses = pulses;
        this.scans = scans;
        this.audit = audit;
        this.bodies = bodies;
        this.messages = messages;
    }

    @Get
    HttpResponse<?> list(Authentication authentication) {
        return HttpResponse.ok(organisations.visibleTo(StaffMember.of(authentication)).stream()
                .map(o -> Map.of("id", o.id(), "name", o.name())).toList());
    }

    @Post
    HttpResponse<?> create(Authentication authentication, @Nullable @Body byte[] body) {
        return withBody(body, json -> {
            Organisation created = organisations.create(JsonBodies.string(json, "name"), StaffMember.of(authentication));
            return HttpResponse.created(Map.of("id", created.id()));
        });
    }

    @Get("/{id}")
    HttpResponse<?> show(String id, Authentication authentication) {
        return visible(id, StaffMember.of(authentication)).<HttpResponse<?>>map(o -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", o.id());
            json.put("name", o.name());
            json.put("sites", organisations.sites(o).stream()
                    .map(s -> Map.of("id", s.id(), "name", s.name(), "kind", s.kind().name())).toList());
            return HttpResponse.ok(json);
        }).orElseGet(OrganisationApiController::notFound);
    }

    /** Everything stored about an organisation, with its scans and their answers, for a request under the AVG. */
    @Secured("ADMIN")
    @Get("/{id}/export")
    HttpResponse<?> export(String id, Authentication authentication, HttpRequest<?> request) {
        Staff staff = StaffMember.of(authentication);
        return visible(id, staff).<HttpResponse<?>>map(o -> {
            audit.record(staff.email(), "ORGANISATION_EXPORTED", String.valueOf(o.id()), RemoteAddress.of(request));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("organisation", Map.of("id", o.id(), "name", o.name(), "coachId", o.coachId(),
                    "createdAt", o.createdAt().toString()));
            json.put("sites", organisations.sites(o).stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                    "kind", s.kind().name(), "createdAt", s.createdAt().toString())).toList());
            json.put("scans", scans.ofOrganisation(o.id()).stream().map(scan -> Map.of("id", scan.id(),
                    "mode", scan.scanMode().name(), "siteId", scan.siteId(),
                    "questionnaire", Map.of("id", scan.questionnaireId(), "version", scan.questionnaireVersion()),
                    "createdAt", scan.createdAt().toString(), "updatedAt", scan.updatedAt().toString(),
                    "answers", scans.answers(scan).asMap(),
                    "pulses", PulseExport.of(pulses.shown(scan, scans.questionnaire(scan))))).toList());
            return HttpResponse.ok(json);
        }).orElseGet(OrganisationApiController::notFound);
    }

    /** Deletes an organisation completely, for a request under the AVG. */
    @Secured("ADMIN")
    @Delete("/{id}")
    HttpResponse<?> delete(String id, Authentication authentication, HttpRequest<?> request) {
        Staff staff = StaffMember.of(authentication);
        return visible(id, staff).<HttpResponse<?>>map(o -> {
            organisations.delete(o);
            audit.record(staff.email(), "ORGANISATION_DELETED", String.valueOf(o.id()), RemoteAddress.of(request));
            return HttpResponse.noContent();
        }).orElseGet(OrganisationApiController::notFound);
    }


    @Post("/{id}/sites")
    HttpResponse<?> addSite(String id, Authentication authentication, @Nullable @Body byte[] body) {
        Optional<Organisation> organisation = visible(id, StaffMember.of(authentication));
        if (organisation.isEmpty()) {
            return notFound();
        }
        return withBody(body, json -> HttpResponse.created(Map.of("id",
                organisations.addSite(organisation.get(), JsonBodies.string(json, "name"), JsonBodies.string(json, "kind")).id())));
    }

    private Optional<Organisation> visible(String id, Staff staff) {
        try {
            return organisations.find(Long.parseLong(id), staff);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<?> withBody(byte[] body, Function<JsonNode, HttpResponse<?>> handle) {
        try {
            return handle.apply(bodies.object(body));
        } catch (JsonBodies.BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidFieldsException e) {
            return ApiError.ofFields(messages, e);
        }
    }


    private static HttpResponse<?> notFound() {
        return ApiError.of(HttpStatus.NOT_FOUND, "No organisation with this id.");
    }
}

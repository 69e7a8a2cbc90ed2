package org.opcat.followup.query.registers;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/authorities and /api/places: small registers for pickers, sorted by name. */
@RestController
public class RegistersController {

    public record Authority(UUID authorityId, String name, String kind, UUID parentAuthorityId) {
    }

    public record Place(UUID placeId, String name, String type, String region, UUID authorityId) {
    }

    private final JdbcTemplate jdbc;

    public RegistersController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "List the authorities",
            description = "ANALYST, MANAGER or ADMIN. The authority register, for pickers.")
    @GetMapping("/api/authorities")
    public List<Authority> authorities() {
        return jdbc.query("SELECT * FROM authority ORDER BY name, authority_id", (rs, n) -> new Authority(
                rs.getObject("authority_id", UUID.class), rs.getString("name"), rs.getString("kind"),
                rs.getObject("parent_authority_id", UUID.class)));
    }

    @Operation(summary = "List the places of detention",
            description = "ANALYST, MANAGER or ADMIN. The register of places of detention, for pickers.")
    @GetMapping("/api/places")
    public List<Place> places() {
        return jdbc.query("SELECT * FROM place ORDER BY name, place_id", (rs, n) -> new Place(
                rs.getObject("place_id", UUID.class), rs.getString("name"), rs.getString("type"),
                rs.getString("region"), rs.getObject("authority_id", UUID.class)));
    }
}

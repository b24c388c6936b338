package org.civicloop.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Role;

/** The signed-in person for this request, as an {@link Actor} for the use cases and as #{currentUser} in pages. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    private Actor actor;

    public Actor actor() {
        if (actor == null) {
            Principal p = security.getCallerPrincipal();
            if (p == null) {
                actor = Actor.anonymous();
            } else {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (Role r : Role.values()) {
                    if (security.isCallerInRole(r.name())) {
                        roles.add(r);
                    }
                }
                actor = new Actor(p.getName(), roles);
            }
        }
        return actor;
    }

    public boolean isSignedIn() {
        return !actor().isAnonymous();
    }

    public String getUsername() {
        return actor().username();
    }

    public boolean isOfficer() {
        return actor().hasAny(Role.OFFICER, Role.ADMIN);
    }

    public boolean isFacilitator() {
        return actor().hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN);
    }

    public boolean isAdmin() {
        return actor().has(Role.ADMIN);
    }

    public boolean isResident() {
        return actor().hasAny(Role.RESIDENT, Role.JUROR);
    }
}

package org.civicloop.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import org.civicloop.identity.Account;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Role;
import org.civicloop.platform.web.Ui;

/** Administration: the accounts, creating staff accounts and granting roles. */
@Named
@RequestScoped
public class AccountsBean {

    @Inject
    AccountService accounts;
    @Inject
    CurrentUser currentUser;

    private String username;
    private String displayName;
    private String email;
    private String password;
    private Role role = Role.OFFICER;
    private String grantUsername;
    private Role grantRole = Role.FACILITATOR;

    public List<Account> getAll() {
        return accounts.all();
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String create() {
        if (Ui.report(accounts.createAccount(currentUser.actor(), username, displayName, email, password,
                EnumSet.of(role)), "admin.accountCreated")) {
            return Ui.redirect("/admin/accounts.xhtml?faces-redirect=true");
        }
        return null;
    }

    public String grant() {
        if (Ui.report(accounts.grantRole(currentUser.actor(), grantUsername, grantRole), "admin.roleGranted")) {
            return Ui.redirect("/admin/accounts.xhtml?faces-redirect=true");
        }
        return null;
    }

    public String getUsername() { return username; }
    public void setUsername(String s) { this.username = s; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String s) { this.displayName = s; }
    public String getEmail() { return email; }
    public void setEmail(String s) { this.email = s; }
    public String getPassword() { return password; }
    public void setPassword(String s) { this.password = s; }
    public Role getRole() { return role; }
    public void setRole(Role r) { this.role = r; }
    public String getGrantUsername() { return grantUsername; }
    public void setGrantUsername(String s) { this.grantUsername = s; }
    public Role getGrantRole() { return grantRole; }
    public void setGrantRole(Role r) { this.grantRole = r; }
}

from kinerja.accounts import services
from kinerja.accounts.choices import Role
from kinerja.audit.models import AuditEvent


def test_granting_admin_bkpsdm_opens_the_reference_tables_in_the_admin(cast):
    user = cast.user("colleague")
    services.role_grant(actor=cast.user("admin_bkpsdm"), user=user, role=Role.ADMIN_BKPSDM, scope=cast.root)
    user.refresh_from_db()
    assert user.is_staff
    assert user.has_perm("organization.change_position")
    assert not user.has_perm("organization.delete_employee")
    assert AuditEvent.objects.filter(verb="accounts.role.granted", target_id=str(user.role_grants.get().pk)).exists()


def test_revoking_the_last_bkpsdm_grant_closes_the_admin_again(cast):
    user = cast.user("colleague")
    grant = services.role_grant(actor=None, user=user, role=Role.ADMIN_BKPSDM, scope=cast.root)
    services.role_revoke(actor=None, grant=grant, reason="moved to another agency")
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.groups.exists()
    assert AuditEvent.objects.filter(verb="accounts.role.revoked", reason="moved to another agency").exists()


def test_granting_admin_opd_does_not_open_the_admin(cast):
    user = cast.user("colleague")
    services.role_grant(actor=None, user=user, role=Role.ADMIN_OPD, scope=cast.opd_a)
    user.refresh_from_db()
    assert not user.is_staff

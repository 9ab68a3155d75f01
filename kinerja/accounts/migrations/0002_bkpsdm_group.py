"""The "Admin BKPSDM" group: model permissions for the reference tables kept in the Django admin."""

from django.db import migrations

# (app_label, model, actions)
PERMISSIONS = [
    ("organization", "rank", ("view", "change")),
    ("organization", "orgunit", ("view", "add", "change")),
    ("organization", "position", ("view", "add", "change")),
    ("organization", "employee", ("view", "add", "change")),
    ("organization", "assignment", ("view", "add", "change")),
    ("accounts", "user", ("view",)),
    ("accounts", "rolegrant", ("view", "add", "delete")),
    ("audit", "auditevent", ("view",)),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Admin BKPSDM")
    for app_label, model, actions in PERMISSIONS:
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Admin BKPSDM").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0001_initial"),
        ("organization", "0002_ranks"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, delete_group)]

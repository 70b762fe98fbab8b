from django.db import migrations, models


def remember_codes_in_use(apps, schema_editor):
    """Sequences made before numbers were remembered: the codes in use were issued."""
    ActionItem = apps.get_model("actions", "ActionItem")
    CodeSequence = apps.get_model("actions", "CodeSequence")
    for sequence in CodeSequence.objects.all():
        numbers = {
            int(code[len(sequence.prefix):])
            for code in ActionItem.objects.filter(
                review_id=sequence.review_id, code__startswith=sequence.prefix
            ).values_list("code", flat=True)
            if code[len(sequence.prefix):].isdigit()
        }
        sequence.issued = sorted(numbers)
        sequence.save(update_fields=["issued"])


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="codesequence",
            name="issued",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(remember_codes_in_use, migrations.RunPython.noop),
    ]

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VersionPublisher1795633982068 implements MigrationInterface {
  name = 'VersionPublisher1795633982068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"framework_versions\" ADD \"published_by_person_id\" uuid");
    await queryRunner.query("ALTER TABLE \"framework_versions\" ADD CONSTRAINT \"FK_e0b553acd344480dca9c8ffad1c\" FOREIGN KEY (\"organisation_id\", \"published_by_person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"framework_versions\" DROP CONSTRAINT \"FK_e0b553acd344480dca9c8ffad1c\"");
    await queryRunner.query("ALTER TABLE \"framework_versions\" DROP COLUMN \"published_by_person_id\"");
  }
}

/**
 * Substitutes in Azure Table Storage, next to the rounds they steer, so every instance sends the
 * absent person's card to the same substitute. One partition per plan.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { SubstituteStore } from '../../app/ports';
import type { Substitution } from '../../domain/substitute';
import { insertionOrder, isNotFound, keyOf, listAll, valueOfKey } from './tables';

interface SubstitutionEntity {
  AbsentId: string;
  AbsentName: string;
  SubstituteId: string;
  SubstituteName: string;
  FromDate: string;
  ToDate: string;
  SetById: string;
  SetByName: string;
  SetAt: string;
  Order: number;
}

export class TableSubstituteStore implements SubstituteStore {
  constructor(private readonly table: TableClient) {}

  async listSubstitutions(planId: string): Promise<Substitution[]> {
    const found = await listAll<SubstitutionEntity>(this.table, odata`PartitionKey eq ${keyOf(planId)}`);
    found.sort((a, b) => a.SetAt.localeCompare(b.SetAt) || a.Order - b.Order);
    return found.map((e) => ({
      id: valueOfKey(e.rowKey),
      planId,
      absent: { userId: e.AbsentId, name: e.AbsentName },
      substitute: { userId: e.SubstituteId, name: e.SubstituteName },
      from: e.FromDate,
      to: e.ToDate,
      setBy: { userId: e.SetById, name: e.SetByName },
      setAt: e.SetAt,
    }));
  }

  async addSubstitution(s: Substitution): Promise<void> {
    await this.table.createEntity({
      partitionKey: keyOf(s.planId),
      rowKey: keyOf(s.id),
      AbsentId: s.absent.userId,
      AbsentName: s.absent.name,
      SubstituteId: s.substitute.userId,
      SubstituteName: s.substitute.name,
      FromDate: s.from,
      ToDate: s.to,
      SetById: s.setBy.userId,
      SetByName: s.setBy.name,
      SetAt: s.setAt,
      Order: insertionOrder(),
    } satisfies SubstitutionEntity & { partitionKey: string; rowKey: string });
  }

  async erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number> {
    const affected = await listAll<SubstitutionEntity>(
      this.table,
      odata`AbsentId eq ${userId} or SubstituteId eq ${userId} or SetById eq ${userId}`,
    );
    for (const e of affected) {
      const rewrite = (id: string, name: string) =>
        id === userId ? [replacement.userId, replacement.name] : [id, name];
      const [absentId, absentName] = rewrite(e.AbsentId, e.AbsentName);
      const [substituteId, substituteName] = rewrite(e.SubstituteId, e.SubstituteName);
      const [setById, setByName] = rewrite(e.SetById, e.SetByName);
      await this.table.updateEntity(
        {
          partitionKey: e.partitionKey,
          rowKey: e.rowKey,
          AbsentId: absentId,
          AbsentName: absentName,
          SubstituteId: substituteId,
          SubstituteName: substituteName,
          SetById: setById,
          SetByName: setByName,
        },
        'Merge',
      );
    }
    return affected.length;
  }

  async removeSubstitution(planId: string, id: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(keyOf(planId), keyOf(id));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

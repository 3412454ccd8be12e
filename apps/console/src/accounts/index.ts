import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { AccountDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';
import { AccountEdit } from './AccountEdit';
import { AccountList } from './AccountList';

/** `AccountDto` of `@genq/contracts`, as far as the console reads it. */
export interface Account
  extends RaRecord<string>,
    Pick<AccountDto, 'email' | 'displayName' | 'role' | 'programmeIds' | 'organisationId' | 'canSign' | 'disabled' | 'lockedUntil'> {}

export default {
  list: AccountList,
  edit: AccountEdit,
  icon: ManageAccountsIcon,
  recordRepresentation: (record: Account) => record.displayName,
};

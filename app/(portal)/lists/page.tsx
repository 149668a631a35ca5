import { redirect } from 'next/navigation';

// /lists has no page of its own: the red list comes first, its tabs lead to the black one.
export default function ListsIndex() {
  redirect('/lists/honor');
}
